import { importKey as importMaterial } from "#crypto-provider";
import { checkCryptoKey, isCryptoKey, roleError, USAGE } from "./check-crypto-key.ts";
import { type DecodedKey, decodeKeyString } from "./decode-key-string.ts";
import { BIT_STRING, encodeTlv, INTEGER, OCTET_STRING, SEQUENCE } from "./der.ts";
import { importJwk } from "./import-jwk.ts";
import { cachedKey, importOnce } from "./key-cache.ts";
import type { KeyInput } from "./key-input.ts";
import { encryptedError, type KeyRole, keyError } from "./key-role.ts";
import { withArticle } from "./with-article.ts";

// AlgorithmIdentifier { rsaEncryption, NULL }, needed to wrap PKCS#1 for WebCrypto.
const RSA_ALGORITHM_ID = new Uint8Array([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);

const jwkKeys: Record<KeyRole, WeakMap<object, Promise<CryptoKey>>> = {
  private: new WeakMap(),
  public: new WeakMap(),
};

/**
 * The key for `input` if it is already imported (or is a valid `CryptoKey`), without awaiting:
 * verification stays as fast with a key string as with a `CryptoKey`.
 */
export function peekKey(input: KeyInput, role: KeyRole): CryptoKey | undefined {
  if (typeof input === "string") return cachedKey(role, input);
  return isCryptoKey(input) ? checkCryptoKey(input, role) : undefined;
}

/** Imports any {@link KeyInput} as a non-extractable RSA256 `CryptoKey` of `role`. */
export async function importKey(input: KeyInput, role: KeyRole): Promise<CryptoKey> {
  if (typeof input === "string") return importOnce(role, input, importKeyString);
  if (isCryptoKey(input)) return checkCryptoKey(input, role);
  if (typeof input !== "object" || input === null) {
    throw new TypeError(`Expected a key string, JWK or CryptoKey, got ${typeof input}`);
  }
  const cache = jwkKeys[role];
  let pending = cache.get(input);
  if (pending === undefined) {
    pending = importJwk(input, role);
    cache.set(input, pending);
    pending.catch(() => cache.delete(input));
  }
  return pending;
}

async function importKeyString(text: string, role: KeyRole): Promise<CryptoKey> {
  const decoded = decodeKeyString(text, role);
  const [format, data] = toImportable(decoded, role);
  let key: CryptoKey;
  try {
    key = await importMaterial({ format, data }, USAGE[role]);
  } catch (cause) {
    throw keyError(
      "KEY_DER_INVALID",
      role,
      `${withArticle(decoded.container)} key the runtime refused`,
      "Export the key again.",
      cause,
    );
  }
  return checkCryptoKey(key, role);
}

/** The WebCrypto format and DER to import a decoded key as `role`, PKCS#1 rewrapped. */
export function toImportable(
  decoded: DecodedKey,
  role: KeyRole,
): ["pkcs8" | "spki", Uint8Array<ArrayBuffer>] {
  const { container, algorithm, der } = decoded;
  if (container === "encrypted-pkcs8") throw encryptedError(role);
  const isPrivate = container === "pkcs8" || container === "pkcs1-private";
  if (isPrivate !== (role === "private")) {
    throw roleError(role, `a ${isPrivate ? "private" : "public"} key (${container})`);
  }
  if (algorithm !== "RSA") {
    throw keyError(
      algorithm === "RSA-PSS" ? "KEY_ALGORITHM_UNSUPPORTED" : "KEY_NOT_RSA",
      role,
      `${withArticle(algorithm)} key`,
      "AMS uses RSA keys only.",
    );
  }
  if (container === "pkcs1-private") {
    const version = new Uint8Array([INTEGER, 1, 0]);
    return ["pkcs8", encodeTlv(SEQUENCE, version, RSA_ALGORITHM_ID, encodeTlv(OCTET_STRING, der))];
  }
  if (container === "pkcs1-public") {
    const bits = encodeTlv(BIT_STRING, new Uint8Array([0]), der);
    return ["spki", encodeTlv(SEQUENCE, RSA_ALGORITHM_ID, bits)];
  }
  return [isPrivate ? "pkcs8" : "spki", der];
}
