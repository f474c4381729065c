import { decodeBase64 } from "../crypto/base64.ts";
import { readSignatureFields } from "./read-signature-fields.ts";

const HEADER = /^\s*(?:algorithm|keyversion|signature)\s*=|,/i;

/** True when `value` is a whole `Signature` header rather than just its signature value. */
export function isSignatureHeader(value: string): boolean {
  return HEADER.test(value);
}

/**
 * The signature bytes of a whole RSA256 header, a URL-encoded value (either hex case) or plain
 * base64. A literal `+` is read as the provider reads it, as a space, so it never decodes: a raw
 * base64 value with `+` was not URL-encoded. `undefined` for anything that is not one signature,
 * including a header naming another algorithm. With `into`, the bytes are written into it when
 * they surely fit, and the result is a view of it.
 */
export function decodeSignature(
  value: string,
  into?: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> | undefined {
  let encoded = value;
  if (isSignatureHeader(value)) {
    const fields = readSignatureFields(value);
    if (!("signature" in fields)) return undefined;
    encoded = fields.signature;
  }
  return encoded === "" ? undefined : decodeBase64(encoded, true, into);
}
