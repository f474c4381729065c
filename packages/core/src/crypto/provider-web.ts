import { RSA256 } from "./algorithms.ts";
import type { KeyImport } from "./crypto-provider.ts";

// RSA256 through WebCrypto: workerd, browsers, Deno, Bun, and Node when asked for explicitly.
// Each operation is its own export so that bundlers keep only what an application calls.

const importParams = { name: RSA256.name, hash: RSA256.hash };
// The hash is bound to the key at import time (always SHA-256), so a signature made with SHA-1
// or SHA-512 carries a different DigestInfo and fails here.
const params = { name: RSA256.name };

/** This provider's name, as reported by `cryptoRuntime`. */
export const providerName = "web";

/** Imports RSASSA-PKCS1-v1_5 / SHA-256 key material, non-extractable, for one usage. */
export function importKey(
  { format, data }: KeyImport,
  usage: "sign" | "verify",
): Promise<CryptoKey> {
  // One call for both shapes; the union is what the overloads cannot express.
  return crypto.subtle.importKey(format as "spki", data as BufferSource, importParams, false, [
    usage,
  ]);
}

/** Signs `data` with RSASSA-PKCS1-v1_5 / SHA-256. */
export async function sign(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(params, key, data));
}

/**
 * True only for a valid RSASSA-PKCS1-v1_5 / SHA-256 signature of `data`. The caller may reuse
 * both arrays as soon as this returns: WebCrypto copies its inputs before it returns its promise
 * (the specification's "get a copy of the bytes held by" step).
 */
export function verify(
  key: CryptoKey,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  return crypto.subtle.verify(params, key, signature, data);
}
