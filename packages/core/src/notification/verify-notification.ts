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

/**
 * Why a notification whose signature verified could not be parsed: `BODY_NOT_JSON` (not UTF-8
 * JSON) or `BODY_INVALID` (JSON, but not a shape the schema knows, e.g. a `PAYMENT_RESULT`
 * without `result`).
 */
export interface NotificationBodyProblem {
  code: "BODY_NOT_JSON" | "BODY_INVALID";
  /** What is wrong, naming the field where there is one. */
  message: string;
}

/**
 * A notification whose signature verified, with everything that was checked. The provider sent
 * it, so it is to be kept and acknowledged whatever its body holds: `notification` is null when
 * the body could not be parsed, and `bodyProblem` says why.
 */
export interface VerifiedNotification {
  /**
   * The parsed notification (an unknown `notifyType` is kept as the "other" member), or null when
   * the body is not JSON or not a shape the schema knows (see `bodyProblem`).
   */
  notification: NotificationOutput | null;
  /** Why `notification` is null; null when it is not. */
  bodyProblem: NotificationBodyProblem | null;
  /** The body as JSON, whatever its shape; undefined when it is not JSON. */
  json: unknown;
  /**
   * The body exactly as received (unknown fields survive here); a body that is not UTF-8 is
   * decoded with U+FFFD in place of the bytes that are not.
   */
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
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/**
 * Verifies a provider notification and parses it. The body is read once (at most `maxBodyBytes`),
 * the signature is checked over `POST <path>\n<client-id>.<request-time>.<body>` with the header
 * values verbatim, and only then is the body parsed. Throws a {@link NotificationError} whose
 * `code` names the failed check, for a request the provider did not sign (or not for you).
 *
 * Once the signature verifies, it never throws for the body: the provider sent it, so keep it and
 * acknowledge it. A body it cannot parse comes back with `notification: null` and a
 * `bodyProblem`; store `rawBody` for review. Acknowledge (see `acknowledge`) only after storing.
 *
 * @example
 * try {
 *   const verified = await verifyNotification(request, { alipayPublicKey: env.ALIPAY_PUBLIC_KEY });
 *   await store(verified.rawBody, verified.notification); // null: keep it for review
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

  const parts = { clientId, requestTime, signature, keyVersion: parsedHeader.keyVersion, path };
  let rawBody: string;
  let json: unknown;
  try {
    rawBody = utf8.decode(body);
    json = JSON.parse(rawBody);
  } catch {
    return {
      notification: null,
      bodyProblem: { code: "BODY_NOT_JSON", message: "The notification body is not UTF-8 JSON." },
      json: undefined,
      rawBody: lenientUtf8.decode(body),
      ...parts,
    };
  }
  const parsed = safeParse(NotificationSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const at = getDotPath(issue) === null ? "" : ` at ${getDotPath(issue)}`;
    return {
      notification: null,
      bodyProblem: {
        code: "BODY_INVALID",
        message: `The notification does not match its schema${at}: ${issue.message}.`,
      },
      json,
      rawBody,
      ...parts,
    };
  }
  return { notification: parsed.output, bodyProblem: null, json, rawBody, ...parts };
}
