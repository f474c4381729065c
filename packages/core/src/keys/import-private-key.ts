import { importKey } from "./import-key.ts";
import type { KeyInput } from "./key-input.ts";

/**
 * Imports the merchant's private key for RSA256 signing as a non-extractable `CryptoKey`.
 * Accepts PEM or bare base64 PKCS#8 (the provider portal's form) or PKCS#1, a JWK (object or
 * JSON text), or a `CryptoKey`. A key string is parsed once per isolate; later calls return the
 * same `CryptoKey`. Rejects with a {@link KeyError} naming what was expected and what was seen.
 *
 * @example
 * const key = await importPrivateKey(env.AMS_PRIVATE_KEY); // "MIIEvQIBADANBg…"
 */
export function importPrivateKey(input: KeyInput): Promise<CryptoKey> {
  return importKey(input, "private");
}
