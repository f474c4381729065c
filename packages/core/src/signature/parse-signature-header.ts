import { readSignatureFields } from "./read-signature-fields.ts";
import { SignatureHeaderError, type SignatureHeaderErrorCode } from "./signature-header-error.ts";

/** The fields of a `Signature` header. `signature` is still URL-encoded, as sent. */
export interface ParsedSignatureHeader {
  /** Always `"RSA256"`: any other algorithm is refused while parsing. */
  algorithm: "RSA256";
  /** Which of the signer's keys to verify with; `"1"` when the header has none. */
  keyVersion: string;
  /** The value after `signature=`, URL-encoded base64. */
  signature: string;
}

const SEEN: Record<SignatureHeaderErrorCode, (detail: string) => string> = {
  SIGNATURE_HEADER_EMPTY: () => "an empty header",
  SIGNATURE_HEADER_MALFORMED: (detail) => `"${detail}", which is no name=value pair`,
  SIGNATURE_HEADER_DUPLICATE: (detail) => `"${detail}" twice`,
  SIGNATURE_ALGORITHM_MISSING: () => "no algorithm",
  SIGNATURE_ALGORITHM_UNSUPPORTED: (detail) => `algorithm "${detail}"`,
  SIGNATURE_VALUE_MISSING: () => "no signature value",
};

const HINT: Record<SignatureHeaderErrorCode, string> = {
  SIGNATURE_HEADER_EMPTY: "Send the header the signer produced.",
  SIGNATURE_HEADER_MALFORMED: "Send comma-separated name=value pairs, each with a value.",
  SIGNATURE_HEADER_DUPLICATE: "Send each field once.",
  SIGNATURE_ALGORITHM_MISSING: "Add algorithm=RSA256.",
  SIGNATURE_ALGORITHM_UNSUPPORTED: "AMS signs with RSA256 (RSASSA-PKCS1-v1_5 with SHA-256) only.",
  SIGNATURE_VALUE_MISSING: "Put the URL-encoded base64 signature after signature=.",
};

/**
 * Reads a `Signature` header. Tolerant of spaces around pairs and values, of case in names and in
 * the algorithm, of quoted values and of unknown pairs; pairs split on the first `=` (base64 ends
 * in `=`). Strict about the algorithm: only RSA256. Throws {@link SignatureHeaderError}.
 *
 * @example
 * parseSignatureHeader("algorithm=RSA256, keyVersion=2, signature=abc%3D");
 * // { algorithm: "RSA256", keyVersion: "2", signature: "abc%3D" }
 */
export function parseSignatureHeader(header: string): ParsedSignatureHeader {
  if (typeof header !== "string") {
    throw new TypeError(`parseSignatureHeader: expected a string, got ${typeof header}`);
  }
  const fields = readSignatureFields(header);
  if (!("signature" in fields)) {
    const [code, detail] = fields;
    const hint = HINT[code];
    throw new SignatureHeaderError(
      code,
      `Expected a Signature header like "algorithm=RSA256,keyVersion=1,signature=<url-encoded base64>", got ${SEEN[code](detail)}.`,
      { hint },
    );
  }
  return { algorithm: "RSA256", ...fields };
}
