import { getDotPath, safeParse } from "valibot";
import type { KeyInput } from "../keys/index.ts";
import { type NotificationOutput, NotificationSchema } from "../schemas/index.ts";
import {
  parseSignatureHeader,
  type RequestLike,
  SignatureHeaderError,
  verifySignature,
} from "../signature/index.ts";
import { isRequest, pathOf } from "../signature/request-parts.ts";
import { NotificationError } from "./notification-error.ts";
import { readLimitedBody } from "./read-limited-body.ts";

/** Options of {@link verifyNotification}. */
export interface VerifyNotificationOptions {
  /**
   * The provider's public key (not yours), or a function that picks it by the `keyVersion` of the
   * `Signature` header, for key rotation.
   */
  alipayPublicKey: KeyInput | ((keyVersion: string) => KeyInput | Promise<KeyInput>);
  /**
   * The path of the notify URL as the provider knows it (`paymentNotifyUrl`). Defaults to the
   * request URL's path and query; set it when a proxy or router rewrites the path.
   */
  path?: string | undefined;
  /** Larger bodies are refused with `BODY_TOO_LARGE` before they are fully read. Default 64 KiB. */
  maxBodyBytes?: number | undefined;
  /**
   * Your client ID. When given, a notification whose `client-id` header names another client is
   * refused with `CLIENT_ID_MISMATCH` before its body is read. Set it: the provider's signature
   * proves that the provider sent a notification, not that it was sent to you, so without this
   * check a genuine notification of another merchant's payment, with a `paymentRequestId` that
   * matches one of yours, would verify.
   */
  clientId?: string | undefined;
}

/** A notification whose signature verified, with everything that was checked. */
export interface VerifiedNotification {
  /** The parsed notification; an unknown `notifyType` is kept as the "other" member. */
  notification: NotificationOutput;
  /** The body exactly as received (unknown fields survive here). */
  rawBody: string;
  /** The `client-id` header. */
  clientId: string;
  /** The `request-time` header, verbatim. */
  requestTime: string;
  /** The `Signature` header, verbatim. */
  signature: string;
  /** The key version named by the `Signature` header (`"1"` when absent). */
  keyVersion: string;
  /** The path the signature was checked over. */
  path: string;
}

/** Default of {@link VerifyNotificationOptions.maxBodyBytes}: 64 KiB. */
export const DEFAULT_NOTIFICATION_MAX_BYTES = 64 * 1024;

const REQUIRED_HEADERS = ["client-id", "request-time", "signature"] as const;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Verifies a provider notification and parses it. The body is read once (at most `maxBodyBytes`),
 * the signature is checked over `POST <path>\n<client-id>.<request-time>.<body>` with the header
 * values verbatim, and only then is the body parsed. Throws a {@link NotificationError} whose
 * `code` names the failed check. Acknowledge (see `acknowledge`) only after storing the result.
 *
 * @example
 * try {
 *   const { notification } = await verifyNotification(request, { alipayPublicKey: env.ALIPAY_PUBLIC_KEY });
 *   await store(notification);
 *   return acknowledge();
 * } catch (error) {
 *   if (isNotificationError(error)) return new Response(error.code, { status: error.httpStatus });
 *   throw error;
 * }
 */
export async function verifyNotification(
  request: Request | RequestLike,
  options: VerifyNotificationOptions,
): Promise<VerifiedNotification> {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_NOTIFICATION_MAX_BYTES;
  if (options.alipayPublicKey === undefined || options.alipayPublicKey === null) {
    throw new TypeError(
      "verifyNotification: `alipayPublicKey` (the provider's public key) is required",
    );
  }
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    throw new TypeError(
      `verifyNotification: \`maxBodyBytes\` must be a positive integer, got ${maxBytes}`,
    );
  }
  if (options.path !== undefined && !options.path.startsWith("/")) {
    throw new TypeError(`verifyNotification: \`path\` must start with "/", got "${options.path}"`);
  }
  const fromRequest = isRequest(request);
  if (fromRequest && request.bodyUsed) {
    throw new TypeError(
      "verifyNotification: the request body was already read; pass the request untouched",
    );
  }

  const method = request.method.toUpperCase();
  if (method !== "POST") {
    throw new NotificationError("METHOD_NOT_ALLOWED", `Notifications are POSTed; got ${method}.`, {
      hint: "Route only POST to the notification handler.",
    });
  }

  const headers = fromRequest ? request.headers : new Headers(request.headers);
  const missing = REQUIRED_HEADERS.filter((name) => (headers.get(name) ?? "").trim() === "");
  if (missing.length > 0) {
    throw new NotificationError(
      "MISSING_HEADER",
      `The notification lacks the ${missing.join(", ")} header(s); expected client-id, request-time and signature.`,
      { hint: "The provider always sends them: check that no proxy strips headers." },
    );
  }
  const clientId = headers.get("client-id") ?? "";
  if (options.clientId !== undefined && clientId !== options.clientId) {
    throw new NotificationError(
      "CLIENT_ID_MISMATCH",
      `The notification is for client-id ${JSON.stringify(clientId)}; expected ${JSON.stringify(options.clientId)}.`,
      {
        hint: "It was not sent to this merchant: do not act on it. If your client ID changed, update the receiver's configuration.",
      },
    );
  }
  const requestTime = headers.get("request-time") ?? "";
  const signature = headers.get("signature") ?? "";

  let parsedHeader: ReturnType<typeof parseSignatureHeader>;
  try {
    parsedHeader = parseSignatureHeader(signature);
  } catch (error) {
    if (!(error instanceof SignatureHeaderError)) throw error;
    const code =
      error.code === "SIGNATURE_ALGORITHM_UNSUPPORTED"
        ? "ALGORITHM_UNSUPPORTED"
        : "SIGNATURE_MALFORMED";
    throw new NotificationError(code, error.message, {
      cause: error,
      hint: "Expected `algorithm=RSA256,keyVersion=N,signature=...`; a genuine notification always has it.",
    });
  }

  const body = await readLimitedBody(
    request.body,
    fromRequest ? headers.get("content-length") : null,
    maxBytes,
  );
  const path = options.path ?? pathOf(request.url);
  const key =
    typeof options.alipayPublicKey === "function"
      ? await options.alipayPublicKey(parsedHeader.keyVersion)
      : options.alipayPublicKey;
  const valid = await verifySignature(
    { method: "POST", path, clientId, requestTime, body },
    parsedHeader.signature,
    key,
  );
  if (!valid) {
    throw new NotificationError(
      "SIGNATURE_INVALID",
      `The notification signature does not verify over POST ${path} with client-id "${clientId}", request-time "${requestTime}" and the body received (keyVersion ${parsedHeader.keyVersion}).`,
      {
        hint: "Verify with the provider's public key (not your own), and pass `path` when the notify URL's path differs from the one this request arrived on.",
      },
    );
  }

  let rawBody: string;
  let json: unknown;
  try {
    rawBody = utf8.decode(body);
    json = JSON.parse(rawBody);
  } catch (error) {
    throw new NotificationError("BODY_NOT_JSON", "The notification body is not UTF-8 JSON.", {
      cause: error,
      hint: "A genuine notification is a JSON object; do not acknowledge this one.",
    });
  }
  const parsed = safeParse(NotificationSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const at = getDotPath(issue) === null ? "" : ` at ${getDotPath(issue)}`;
    throw new NotificationError(
      "BODY_INVALID",
      `The notification does not match its schema${at}: ${issue.message}.`,
      {
        cause: parsed.issues,
        hint: "The signature verified, so the provider sent this: keep the raw body and report the gap.",
      },
    );
  }
  return {
    notification: parsed.output,
    rawBody,
    clientId,
    requestTime,
    signature,
    keyVersion: parsedHeader.keyVersion,
    path,
  };
}
