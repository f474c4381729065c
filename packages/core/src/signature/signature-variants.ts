// Plausible ways a signer's content or signature encoding differ from what a verifier has. Each
// variant is one change only, so that the change that makes a signature verify names the cause.
import { decodeBase64 } from "../crypto/base64.ts";
import {
  bodyChanges,
  clientIdChanges,
  methodChanges,
  pathShapeChanges,
  type Variant,
  variantList,
} from "./content-changes.ts";
import { decodeSignature } from "./decode-signature.ts";
import { GATEWAY_ORIGINS, timeVariants } from "./diagnose-variants.ts";
import { pathOf } from "./request-parts.ts";
import type { SignatureCauseCode } from "./signature-cause.ts";
import type { SignatureContent } from "./signature-content.ts";

/**
 * One-change variants of the content a verifier rebuilt: body, time, path, method, client id,
 * CRLF.
 */
export function contentVariants(c: SignatureContent): Variant[] {
  const { out, add } = variantList(c);
  for (const time of timeVariants(c.requestTime)) {
    add(
      "REQUEST_TIME_REFORMATTED",
      `The signer signed the time as "${time}": use the time header verbatim on both sides.`,
      { requestTime: time },
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(c.path)) {
    add(
      "PATH_HAS_ORIGIN",
      "The path given includes scheme and host; sign and verify only the path and query.",
      { path: pathOf(c.path) },
    );
  } else {
    for (const origin of GATEWAY_ORIGINS) {
      add(
        "PATH_HAS_ORIGIN",
        `The signer signed the whole URL "${origin}${c.path}" instead of the path.`,
        { path: origin + c.path },
      );
    }
  }
  const origins = out.splice(0);
  const sandbox = c.path.includes("/ams/sandbox/api/")
    ? c.path.replace("/ams/sandbox/api/", "/ams/api/")
    : c.path.replace("/ams/api/", "/ams/sandbox/api/");
  if (sandbox !== c.path) {
    add(
      "PATH_SANDBOX_MISMATCH",
      `The signer signed "${sandbox}": sandbox client ids (SANDBOX_…) use /ams/sandbox/api/ paths.`,
      { path: sandbox },
    );
  }
  // A path ending in "\r" yields "<METHOD> <path>\r\n<clientId>…": a CRLF after the first line.
  const crlf: Variant = {
    cause: "CONTENT_CRLF",
    message: "The signer ended the first line of the content with CRLF instead of LF.",
    content: { ...c, path: `${c.path}\r` },
    change: undefined,
  };
  return [
    ...bodyChanges(c),
    ...origins,
    ...pathShapeChanges(c),
    ...out,
    ...methodChanges(c),
    ...clientIdChanges(c),
    crlf,
  ];
}

/** Decodes `%XX` escapes in either hex case. */
export function percentDecode(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** The signature bytes under other plausible encodings, each with its cause. */
export function signatureVariants(
  value: string,
): Array<[SignatureCauseCode, string, Uint8Array<ArrayBuffer> | undefined]> {
  const out: Array<[SignatureCauseCode, string, Uint8Array<ArrayBuffer> | undefined]> = [];
  if (/%25[0-9A-Fa-f]{2}/.test(value)) {
    const once = percentDecode(value);
    out.push([
      "SIGNATURE_DOUBLE_ENCODED",
      "The signature was URL-encoded twice; encode it once.",
      decodeSignature(once),
    ]);
  }
  if (value.includes("+")) {
    const raw = decodeBase64(percentDecode(value));
    out.push([
      "SIGNATURE_NOT_URL_ENCODED",
      "The signature was sent as raw base64; URL-encode it (+ becomes %2B).",
      raw,
    ]);
  }
  if (/[-_]/.test(value) || !/=|%3D/i.test(value)) {
    const standard = value.replace(/-/g, "+").replace(/_/g, "/");
    const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, "=");
    out.push([
      "SIGNATURE_BASE64URL",
      "The signature is base64url; send standard base64, URL-encoded.",
      decodeBase64(padded),
    ]);
  }
  return out;
}
