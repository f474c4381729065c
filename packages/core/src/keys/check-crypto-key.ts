import { RSA256 } from "../crypto/algorithms.ts";
import { type KeyRole, keyError } from "./key-role.ts";

/** The one usage a key of each role is imported for. */
export const USAGE = { private: "sign", public: "verify" } as const;
// Keys already checked, per role: the check runs once per key, not once per signature.
const checked: Record<KeyRole, WeakSet<CryptoKey>> = {
  private: new WeakSet(),
  public: new WeakSet(),
};

/** Duck-typed so that keys from another realm (or a polyfill) are recognised too. */
export function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof value === "object" && value !== null && "algorithm" in value && "usages" in value;
}

/** Returns `key` if it is an RSASSA-PKCS1-v1_5 / SHA-256 key of `role` with at least 2048 bits. */
export function checkCryptoKey(key: CryptoKey, role: KeyRole): CryptoKey {
  if (checked[role].has(key)) return key;
  // Spelled out rather than RsaHashedKeyAlgorithm, which not every lib's typings declare.
  const { name, hash, modulusLength } = key.algorithm as {
    name?: string;
    hash?: { name?: string };
    modulusLength?: number;
  };
  const seen = `a ${key.type} ${name} ${hash?.name ?? ""} CryptoKey`;
  if (!name?.startsWith("RSA")) {
    throw keyError("KEY_NOT_RSA", role, seen, "AMS uses RSA keys only.");
  }
  if (key.type !== role) throw roleError(role, seen);
  if (name !== RSA256.name || hash?.name !== RSA256.hash) {
    throw keyError(
      "KEY_ALGORITHM_UNSUPPORTED",
      role,
      seen,
      `Import it for ${RSA256.name} with ${RSA256.hash}, or pass the key text.`,
    );
  }
  const bits = modulusLength ?? 0;
  if (bits < RSA256.minModulusBits) {
    throw keyError(
      "KEY_TOO_SHORT",
      role,
      `a ${bits}-bit key`,
      `AMS keys have at least ${RSA256.minModulusBits} bits.`,
    );
  }
  if (!key.usages.includes(USAGE[role])) {
    throw keyError(
      "KEY_USAGE_MISSING",
      role,
      `${seen} without "${USAGE[role]}"`,
      "Import it with that usage.",
    );
  }
  checked[role].add(key);
  return key;
}

/** The error for a key of the other half of the pair. */
export function roleError(role: KeyRole, seen: string) {
  return role === "private"
    ? keyError(
        "KEY_NOT_PRIVATE",
        role,
        seen,
        "Sign with your private key; public keys only verify.",
      )
    : keyError(
        "KEY_NOT_PUBLIC",
        role,
        seen,
        "Verify with the provider's public key from the portal.",
      );
}
