import { importKey } from "#crypto-provider";
import { checkCryptoKey, roleError, USAGE } from "./check-crypto-key.ts";
import { type KeyRole, keyError } from "./key-role.ts";

/**
 * Imports an RSA JWK. Only the key material is passed on, so a JWK exported with other `use`,
 * `key_ops` or `ext` still imports; `alg`, when present, must be RS256. Size, hash and role are
 * checked on the imported key.
 */
export async function importJwk(jwk: JsonWebKey, role: KeyRole): Promise<CryptoKey> {
  const { kty, alg, n, e, d, p, q, dp, dq, qi } = jwk;
  if (kty !== "RSA") {
    throw keyError("KEY_NOT_RSA", role, `a JWK with kty ${kty}`, "AMS uses RSA keys only.");
  }
  if ((d !== undefined) !== (role === "private")) {
    throw roleError(role, `a ${d ? "private" : "public"} JWK`);
  }
  if (alg !== undefined && alg !== "RS256") {
    throw keyError(
      "KEY_ALGORITHM_UNSUPPORTED",
      role,
      `a JWK for ${alg}`,
      'Set "alg": "RS256" or drop it.',
    );
  }
  const data = d === undefined ? { kty, n, e } : { kty, n, e, d, p, q, dp, dq, qi };
  // Checked here because runtimes disagree: Node reads a broken modulus as a tiny key.
  if (!Object.values(data).every((v) => typeof v === "string" && /^[\w-]+$/.test(v))) {
    throw keyError(
      "KEY_JWK_INVALID",
      role,
      "a JWK with missing or non-base64url members",
      "Export the JWK again.",
    );
  }
  let key: CryptoKey;
  try {
    key = await importKey({ format: "jwk", data: data as JsonWebKey }, USAGE[role]);
  } catch (cause) {
    throw keyError(
      "KEY_JWK_INVALID",
      role,
      "a JWK the runtime refused",
      "Export the JWK again.",
      cause,
    );
  }
  return checkCryptoKey(key, role);
}
