import type { KeyInput } from "../keys/key-input.ts";
import { isSignatureHeader } from "./decode-signature.ts";
import { parseSignatureHeader } from "./parse-signature-header.ts";
import { type RequestLike, readRequestParts } from "./request-parts.ts";
import { SignatureHeaderError } from "./signature-header-error.ts";
import { verifySignature } from "./verify-signature.ts";

/** How {@link verifyRequest} verifies. */
export interface VerifyRequestOptions {
  /** The signer's public key, or a function that picks it by the header's `keyVersion`. */
  publicKey: KeyInput | ((keyVersion: string) => KeyInput | Promise<KeyInput>);
  /** The path the signer signed (e.g. your notify URL's path) when it differs from the URL's. */
  path?: string | undefined;
  /** Header carrying the time; `request-time`, or `response-time` for a gateway response. */
  timeHeader?: string | undefined;
  /** When set, a `client-id` header with another value fails with `CLIENT_ID_MISMATCH`. */
  clientId?: string | undefined;
}

/** Why {@link verifyRequest} answered `valid: false`. */
export type VerifyFailureReason =
  | "SIGNATURE_MISSING"
  | "CLIENT_ID_MISSING"
  | "CLIENT_ID_MISMATCH"
  | "REQUEST_TIME_MISSING"
  | "SIGNATURE_HEADER_INVALID"
  | "SIGNATURE_MISMATCH";

interface VerifiedParts {
  /** The body decoded as UTF-8, to parse only now that it is verified. */
  body: string;
  /** The exact body bytes that were checked. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The `client-id` header, if present. */
  clientId: string | undefined;
  /** The time header, if present. */
  requestTime: string | undefined;
  /** The `Signature` header's key version, if it could be read. */
  keyVersion: string | undefined;
}

/**
 * The outcome of {@link verifyRequest}: the body (read once) either way, and on failure a stable
 * `reason` with a sentence for logs.
 */
export type VerifyRequestResult =
  | (VerifiedParts & { valid: true; clientId: string; requestTime: string; keyVersion: string })
  | (VerifiedParts & { valid: false; reason: VerifyFailureReason; message: string });

const decoder = new TextDecoder();

/**
 * Verifies a signed request (a provider notification, or a request to a gateway you emulate):
 * reads `client-id`, `request-time` and `signature` (any case), reads the body exactly once and
 * checks `<METHOD> <path>\n<client-id>.<request-time>.<body>`. Rejects only for a bad key.
 *
 * @example
 * const result = await verifyRequest(request, { publicKey: env.ALIPAY_PUBLIC_KEY, path: "/alipay/notify" });
 * if (!result.valid) return new Response(result.message, { status: 401 });
 * const notification = JSON.parse(result.body);
 */
export async function verifyRequest(
  request: Request | RequestLike,
  options: VerifyRequestOptions,
): Promise<VerifyRequestResult> {
  const parts = await readRequestParts(request);
  const timeHeader = options.timeHeader ?? "request-time";
  const clientId = parts.headers.get("client-id") ?? undefined;
  const requestTime = parts.headers.get(timeHeader) ?? undefined;
  const header = parts.headers.get("signature") ?? undefined;
  const seen: VerifiedParts = {
    body: decoder.decode(parts.body),
    bytes: parts.body,
    clientId,
    requestTime,
    keyVersion: undefined,
  };
  const fail = (reason: VerifyFailureReason, message: string): VerifyRequestResult => ({
    ...seen,
    valid: false,
    reason,
    message,
  });
  if (header === undefined || header.trim() === "") {
    return fail("SIGNATURE_MISSING", "The request has no signature header.");
  }
  if (clientId === undefined) {
    return fail("CLIENT_ID_MISSING", "The request has no client-id header.");
  }
  if (options.clientId !== undefined && clientId !== options.clientId) {
    return fail(
      "CLIENT_ID_MISMATCH",
      `Expected client-id "${options.clientId}", got "${clientId}".`,
    );
  }
  if (requestTime === undefined) {
    return fail("REQUEST_TIME_MISSING", `The request has no ${timeHeader} header.`);
  }
  let keyVersion = "1";
  try {
    if (isSignatureHeader(header)) keyVersion = parseSignatureHeader(header).keyVersion;
  } catch (error) {
    if (error instanceof SignatureHeaderError) {
      return fail("SIGNATURE_HEADER_INVALID", error.message);
    }
    throw error;
  }
  seen.keyVersion = keyVersion;
  const key =
    typeof options.publicKey === "function"
      ? await options.publicKey(keyVersion)
      : options.publicKey;
  const content = {
    method: parts.method,
    path: options.path ?? parts.path,
    clientId,
    requestTime,
    body: parts.body,
  };
  if (!(await verifySignature(content, header, key))) {
    return fail(
      "SIGNATURE_MISMATCH",
      `The signature does not match "${content.method} ${content.path}" with this client-id, ${timeHeader} and body, under the signer's public key (keyVersion ${keyVersion}).`,
    );
  }
  return { ...seen, valid: true, clientId, requestTime, keyVersion };
}
