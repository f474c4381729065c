import { checkClientId } from "../config/check-client-id.ts";
import { isConfigurationError } from "../config/is-configuration-error.ts";
import { nameKeyError } from "../config/name-key-error.ts";
import { decodeKeyString } from "../keys/decode-key-string.ts";
import { toImportable } from "../keys/import-key.ts";
import { acknowledgeParts } from "../notification/acknowledge.ts";
import { isNotificationError } from "../notification/notification-error.ts";
import type {
  VerifiedNotification,
  VerifyNotificationOptions,
} from "../notification/notification-options.ts";
import type { NodeRequestLike, NodeResponseLike } from "./node-types.ts";
import { verifyNodeNotification } from "./verify-node-notification.ts";

/** Options of {@link createNotificationHandler}. */
export interface NotificationHandlerOptions extends VerifyNotificationOptions {
  /**
   * Stores a verified notification (whatever its body: `notification` is null for one the schema
   * does not know). The acknowledgement is sent once it resolves; if it rejects, the answer is
   * 503 and the provider sends the notification again later.
   */
  onNotification: (verified: VerifiedNotification, req: NodeRequestLike) => unknown;
  /**
   * Sees every error that is not the sender's fault: a configuration error (answered 500) or a
   * failure of `onNotification` (answered 503). Default: `console.error`.
   */
  onError?: ((error: unknown, req: NodeRequestLike) => void) | undefined;
}

/** A status, headers and body to write. */
export interface AnswerParts {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const text = { "content-type": "text/plain; charset=utf-8" };

/**
 * The answer for an error thrown while receiving a notification: the `NotificationError`'s
 * status and code (401, 405, 413: nothing was acted on); 500 for a configuration error (a key,
 * the client id, a body parser in the way: the provider resending will not help until it is
 * fixed); 503 for anything else (storage failed: the provider sends it again later).
 */
export function notificationErrorAnswer(error: unknown): AnswerParts {
  if (isNotificationError(error)) {
    return { status: error.httpStatus, headers: text, body: error.code };
  }
  if (isConfigurationError(error)) {
    return { status: 500, headers: text, body: "Receiver misconfigured" };
  }
  return { status: 503, headers: text, body: "Try again later" };
}

/** Writes `answer` to a `ServerResponse` (or Express `res`) unless headers were already sent. */
export function writeAnswer(res: NodeResponseLike, answer: AnswerParts): void {
  if (res.headersSent === true) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/**
 * A notification endpoint for `node:http` and Express: reads the raw body, verifies it, calls
 * `onNotification`, then writes the acknowledgement; or writes the error's answer (see
 * `notificationErrorAnswer`). It never rejects. A client id with whitespace around it, or a key
 * string that is not the provider's public key, throws when the handler is made. In Express, mount it with `express.raw()` ahead of
 * any JSON parser, or keep the raw bytes with `keepRawBody`.
 *
 * @example
 * createServer(createNotificationHandler({ alipayPublicKey, clientId, onNotification: save }));
 * // Express:
 * app.post("/alipay/notify", express.raw({ type: "*\/*" }), createNotificationHandler({ ... }));
 * app.use(express.json());
 */
export function createNotificationHandler(
  options: NotificationHandlerOptions,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  const { onNotification, onError = (error) => console.error(error), ...verify } = options;
  if (typeof onNotification !== "function") {
    throw new TypeError("createNotificationHandler: `onNotification` must be a function");
  }
  // A configuration that cannot work is refused now, when the server starts, not on the first
  // notification: the client id, and a key string (a JWK or CryptoKey is checked when imported).
  const owner = "createNotificationHandler";
  if (verify.clientId !== undefined) checkClientId(owner, verify.clientId);
  const key = verify.alipayPublicKey;
  if (typeof key === "string") {
    try {
      toImportable(decodeKeyString(key, "public"), "public");
    } catch (error) {
      nameKeyError(owner, "alipayPublicKey")(error);
    }
  }
  return async (req, res) => {
    let answer: AnswerParts;
    try {
      const verified = await verifyNodeNotification(req, verify);
      await onNotification(verified, req);
      answer = acknowledgeParts();
    } catch (error) {
      answer = notificationErrorAnswer(error);
      if (answer.status >= 500) onError(error, req);
    }
    writeAnswer(res, answer);
  };
}
