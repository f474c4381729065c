// Plausible ways a signer's content or signature encoding differ from what a verifier has. Each
// variant is one change only, so that the change that makes a signature verify names the cause.
import { decodeBase64 } from "../crypto/base64.ts";
import { decodeSignature } from "./decode-signature.ts";
import { bodyVariants, GATEWAY_ORIGINS, timeVariants } from "./diagnose-variants.ts";
import { pathOf } from "./request-parts.ts";
import type { SignatureCauseCode } from "./signature-cause.ts";
import type { SignatureContent } from "./signature-content.ts";

/** One changed way of building the content, and the cause it would point to. */
export interface Variant {
  cause: SignatureCauseCode;
  message: string;
  content: SignatureContent;
  change: Partial<SignatureContent> | undefined;
}

/**
 * One-change variants of the content a verifier rebuilt: body, time, path, method, client id,
 * CRLF.
 */
export function contentVariants(c: SignatureContent): Variant[] {
  const out: Variant[] = [];
  const add = (cause: SignatureCauseCode, message: string, change: Partial<SignatureContent>) =>
    out.push({ cause, message, change, content: { ...c, ...change } });
  const body = typeof c.body === "string" ? c.body : new TextDecoder().decode(c.body);
  const whitespace = new Set([body.trim(), `${body}\n`, `${body}\r\n`]);
  const lineEndings = new Set([body.replace(/\r?\n/g, "\r\n"), body.replace(/\r\n/g, "\n")]);
  for (const [variant, words] of bodyVariants(body)) {
    // A body that only gained or lost whitespace around it is named as such, not as re-serialized.
    if (whitespace.has(variant) || lineEndings.has(variant)) continue;
    add(
      "BODY_RESERIALIZED",
      `The signer signed the body as ${words}; verify the raw bytes received, never re-serialized JSON.`,
      { body: variant },
    );
  }
  for (const variant of whitespace) {
    if (variant !== body) {
      add(
        "BODY_WHITESPACE",
        "The body differs by leading or trailing whitespace from what was signed.",
        { body: variant },
      );
    }
  }
  for (const variant of lineEndings) {
    if (variant !== body && !whitespace.has(variant)) {
      add(
        "BODY_LINE_ENDINGS",
        "The body's line endings (CRLF vs LF) differ from what was signed.",
        { body: variant },
      );
    }
  }
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
  const query = c.path.indexOf("?");
  if (query >= 0) {
    add("PATH_QUERY_MISMATCH", "The signer signed the path without its query string.", {
      path: c.path.slice(0, query),
    });
  }
  const slash = c.path.endsWith("/") ? c.path.slice(0, -1) : `${c.path}/`;
  add("PATH_TRAILING_SLASH", `The signer signed "${slash}" (a trailing slash differs).`, {
    path: slash,
  });
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
  for (const method of new Set([c.method.toUpperCase(), c.method.toLowerCase()])) {
    if (method !== c.method) {
      add("METHOD_CASE", `The signer wrote the method as "${method}".`, { method });
    }
  }
  const otherMethod = c.method.toUpperCase() === "POST" ? "GET" : "POST";
  add(
    "METHOD_MISMATCH",
    `The signer signed the method as ${otherMethod}: every AMS call and notification is signed as POST.`,
    { method: otherMethod },
  );
  // HTTP drops whitespace around header values, so a client id read with a trailing newline
  // (a secret or .env file) is signed with it but arrives without it, or the other way round.
  const clientIds = new Set([
    c.clientId.trim(),
    `${c.clientId}\n`,
    `${c.clientId}\r\n`,
    `${c.clientId} `,
  ]);
  for (const clientId of clientIds) {
    if (clientId !== c.clientId) {
      add(
        "CLIENT_ID_WHITESPACE",
        `The signer signed the client id as ${JSON.stringify(clientId)}: trim it where it is read.`,
        { clientId },
      );
    }
  }
  // A path ending in "\r" yields "<METHOD> <path>\r\n<clientId>…": a CRLF after the first line.
  out.push({
    cause: "CONTENT_CRLF",
    message: "The signer ended the first line of the content with CRLF instead of LF.",
    content: { ...c, path: `${c.path}\r` },
    change: undefined,
  });
  return out;
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
