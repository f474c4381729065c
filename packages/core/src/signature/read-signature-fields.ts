import type { SignatureHeaderErrorCode } from "./signature-header-error.ts";

/**
 * The fields of a readable RSA256 `Signature` header, or what is wrong with it: the error's code
 * and the part of the header it is about.
 */
export type SignatureFields =
  | { keyVersion: string; signature: string }
  | readonly [code: SignatureHeaderErrorCode, detail: string];

/**
 * Reads a `Signature` header without building messages, so that verification alone stays small:
 * pairs split on commas and then on the first `=`, names and the algorithm in any case, spaces
 * and quotes around values ignored, unknown names skipped; only RSA256 is accepted.
 */
export function readSignatureFields(header: string): SignatureFields {
  const fields = new Map<string, string>();
  for (const part of header.split(",")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) return ["SIGNATURE_HEADER_MALFORMED", part.trim()];
    const name = part.slice(0, eq).trim().toLowerCase();
    if (fields.has(name)) return ["SIGNATURE_HEADER_DUPLICATE", name];
    fields.set(
      name,
      part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    );
  }
  const algorithm = fields.get("algorithm");
  const signature = fields.get("signature");
  const keyVersion = fields.get("keyversion") ?? "1";
  if (fields.size === 0) return ["SIGNATURE_HEADER_EMPTY", ""];
  if (algorithm === undefined) return ["SIGNATURE_ALGORITHM_MISSING", ""];
  if (algorithm.toUpperCase() !== "RSA256") return ["SIGNATURE_ALGORITHM_UNSUPPORTED", algorithm];
  if (!signature) return ["SIGNATURE_VALUE_MISSING", ""];
  return keyVersion === ""
    ? ["SIGNATURE_HEADER_MALFORMED", "keyVersion="]
    : { keyVersion, signature };
}
