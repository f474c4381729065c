import { importKey } from "./import-key.ts";
import type { KeyInput } from "./key-input.ts";

/**
 * Imports the provider's public key for RSA256 verification as a non-extractable `CryptoKey`.
 * Accepts PEM or bare base64 SPKI, PKCS#1 public keys (PEM or bare), a JWK (object or JSON text),
 * or a `CryptoKey`. A key string is parsed once per isolate. Rejects with a {@link KeyError}; a
 * private key is refused with `KEY_NOT_PUBLIC`.
 *
 * @example
 * const alipayKey = await importPublicKey(env.ALIPAY_PUBLIC_KEY); // "MIIBIjANBg…"
 */
export function importPublicKey(input: KeyInput): Promise<CryptoKey> {
  return importKey(input, "public");
}
