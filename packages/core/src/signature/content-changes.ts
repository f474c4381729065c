// One-change variants of signature content, in small groups: a receiver's explanation
// (`likelyCause`) takes only the groups a receiver can get wrong, `diagnoseSignature` all of them.
import { bodyVariants } from "./diagnose-variants.ts";
import type { SignatureCauseCode } from "./signature-cause.ts";
import type { SignatureContent } from "./signature-content.ts";

/** One changed way of building the content, and the cause it would point to. */
export interface Variant {
  cause: SignatureCauseCode;
  message: string;
  content: SignatureContent;
  change: Partial<SignatureContent> | undefined;
}

/** Collects variants of `c`, each one change applied to it. */
export function variantList(c: SignatureContent) {
  const out: Variant[] = [];
  const add = (cause: SignatureCauseCode, message: string, change: Partial<SignatureContent>) =>
    out.push({ cause, message, change, content: { ...c, ...change } });
  return { out, add };
}

/** The body re-serialized, with whitespace around it, or with other line endings. */
export function bodyChanges(c: SignatureContent): Variant[] {
  const { out, add } = variantList(c);
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
  return out;
}

/** The path without its query, or with a trailing slash added or removed. */
export function pathShapeChanges(c: SignatureContent): Variant[] {
  const { out, add } = variantList(c);
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
  return out;
}

/** The method in another case, or GET for POST (and the reverse). */
export function methodChanges(c: SignatureContent): Variant[] {
  const { out, add } = variantList(c);
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
  return out;
}

/** The client id with whitespace around it, or without. */
export function clientIdChanges(c: SignatureContent): Variant[] {
  const { out, add } = variantList(c);
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
  return out;
}
