import { decodeBase64 } from "../crypto/base64.ts";
import { type KeyRole, keyError } from "./key-role.ts";
import { KEY_SPACE, pemBase64 } from "./pem.ts";
import { type SniffedKey, sniffKeyDer } from "./sniff-key-der.ts";

/** A key string decoded to DER and recognised by shape. */
export interface DecodedKey extends SniffedKey {
  readonly der: Uint8Array<ArrayBuffer>;
}

/**
 * Turns a PEM or bare base64 key string into DER and recognises its container, synchronously (so
 * that a configuration can be checked when it is made). The PEM label is
 * only used to refuse encrypted and non-key blocks: the DER shape decides the rest, because
 * mislabelled files are common and the shape cannot lie.
 */
export function decodeKeyString(text: string, role: KeyRole): DecodedKey {
  // Line breaks written as the two characters "\n" (or "\r\n"), as environment variables often
  // hold PEM keys, are whitespace here: neither PEM armour nor base64 has a backslash, so the
  // escape cannot mean anything else.
  const base64 = text.includes("-----") ? pemBase64(text, role) : text.replace(KEY_SPACE, "");
  if (base64 === "") {
    throw keyError("KEY_EMPTY", role, "an empty string", "Check where the key comes from.");
  }
  const der = decodeBase64(base64);
  if (der === undefined) {
    const bad = /[^A-Za-z0-9+/=]/.exec(base64);
    throw keyError(
      "KEY_BASE64_INVALID",
      role,
      bad ? `"${bad[0]}" at offset ${bad.index} of the base64` : "base64 of a wrong length",
      "Pass the whole key's text (not a file path) in standard base64.",
    );
  }
  const sniffed = sniffKeyDer(der);
  if (sniffed === undefined) {
    throw keyError(
      "KEY_DER_INVALID",
      role,
      `${der.length} bytes that are no PKCS#8, PKCS#1 or SPKI key`,
      "Pass PKCS#8, PKCS#1 or SPKI as PEM or base64, or a JWK; not a certificate.",
    );
  }
  return { ...sniffed, der };
}
