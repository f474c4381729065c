import { encryptedError, type KeyRole, keyError } from "./key-role.ts";

// The back-reference makes a BEGIN/END label mismatch count as no block at all.
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
/** Whitespace inside a key's text, and line breaks escaped as `\n` or `\r`. */
export const KEY_SPACE = /\s|\\[nr]/g;
const SUPPORTED = ["PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY"];

/** The base64 inside the first PEM block of `text`; encrypted and non-key blocks are refused. */
export function pemBase64(text: string, role: KeyRole): string {
  const [, label = "", inner = ""] = BLOCK.exec(text) ?? [];
  if (label === "") {
    throw keyError(
      "KEY_PEM_INVALID",
      role,
      "PEM text without matching BEGIN and END lines",
      "Pass the whole PEM text.",
    );
  }
  if (label.includes("ENCRYPTED") || /Proc-Type:\s*4,\s*ENCRYPTED/.test(inner)) {
    throw encryptedError(role);
  }
  if (!SUPPORTED.includes(label)) {
    throw keyError(
      "KEY_PEM_LABEL_UNSUPPORTED",
      role,
      `a PEM "${label}"`,
      `Supported: ${SUPPORTED.join(", ")}. A certificate's key: openssl x509 -pubkey -noout.`,
    );
  }
  // RFC 1421 header lines (with a colon) are not base64.
  return inner.replace(/^.*:.*$/gm, "").replace(KEY_SPACE, "");
}
