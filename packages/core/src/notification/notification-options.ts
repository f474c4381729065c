import { checkClientId } from "../config/check-client-id.ts";
import { nameKeyError } from "../config/name-key-error.ts";
import { importPublicKey, type KeyInput } from "../keys/index.ts";
import type { NotificationOutput } from "../schemas/index.ts";

/** Options of `verifyNotification` and `verifyRawNotification`. */
export interface VerifyNotificationOptions {
  /**
   * The provider's public key (not yours), or a function that picks it by the `keyVersion` of the
   * `Signature` header, for key rotation.
   */
  alipayPublicKey: KeyInput | ((keyVersion: string) => KeyInput | Promise<KeyInput>);
  /**
   * The path (and query) of the notify URL as the provider knows it (`paymentNotifyUrl`).
   * `verifyNotification` defaults it to the request URL's path and query; set it when a proxy or
   * router rewrites the path. `verifyRawNotification` has no URL and requires it.
   */
  path?: string | undefined;
  /** Larger bodies are refused with `BODY_TOO_LARGE` before they are fully read. Default 64 KiB. */
  maxBodyBytes?: number | undefined;
  /**
   * Your client ID. When given, a notification whose `client-id` header names another client is
   * refused with `CLIENT_ID_MISMATCH` before its body is read. Set it: the provider's signature
   * proves that the provider sent a notification, not that it was sent to you, so without this
   * check a genuine notification of another merchant's payment, with a `paymentRequestId` that
   * matches one of yours, would verify. Checked when given: whitespace around it (a newline read
   * from a secret or `.env` file) is refused with `ConfigError` `CLIENT_ID_WHITESPACE`.
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

/**
 * Checks the options before anything is read (a configuration error must not pass for a bad
 * notification): the limit, the path, the client id, and the key, imported now unless it is
 * chosen per `keyVersion`. A bad key rejects with its `KeyError`, naming `alipayPublicKey`.
 */
export async function checkNotificationOptions(
  owner: string,
  options: VerifyNotificationOptions,
): Promise<number> {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_NOTIFICATION_MAX_BYTES;
  if (options.alipayPublicKey === undefined || options.alipayPublicKey === null) {
    throw new TypeError(`${owner}: \`alipayPublicKey\` (the provider's public key) is required`);
  }
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    throw new TypeError(`${owner}: \`maxBodyBytes\` must be a positive integer, got ${maxBytes}`);
  }
  if (options.path !== undefined && !options.path.startsWith("/")) {
    throw new TypeError(`${owner}: \`path\` must start with "/", got "${options.path}"`);
  }
  if (options.clientId !== undefined) checkClientId(owner, options.clientId);
  if (typeof options.alipayPublicKey !== "function") {
    await importPublicKey(options.alipayPublicKey).catch(nameKeyError(owner, "alipayPublicKey"));
  }
  return maxBytes;
}
