import { isAmsEdgeError } from "../errors/ams-edge-error.ts";
import { isNotificationError } from "../notification/notification-error.ts";

/**
 * True for an error of the receiver's own configuration rather than of one notification: a
 * `KeyError` (a key that cannot be used), a `ConfigError` (a client id with whitespace, a body
 * parser in the way) or a `TypeError` (an option of the wrong type). Every notification fails
 * until it is fixed, so answer 500 and log it; a `NotificationError` is the sender's (401, 405,
 * 413), anything else (storage) is worth a 503 and a retry by the provider.
 *
 * @example
 * if (isNotificationError(error)) return new Response(error.code, { status: error.httpStatus });
 * if (isConfigurationError(error)) { console.error(error); return new Response(null, { status: 500 }); }
 * return new Response(null, { status: 503 });
 */
export function isConfigurationError(error: unknown): boolean {
  return error instanceof TypeError || (isAmsEdgeError(error) && !isNotificationError(error));
}
