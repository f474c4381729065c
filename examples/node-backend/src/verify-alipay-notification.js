import { verifyRawNotification } from "@ams-edge/core";

/**
 * Verifies a notification from its raw body and the request's URL and headers, and returns what
 * `verifyNotification` returns: the one place this backend touches verification. Node's
 * `IncomingHttpHeaders` go in as they are. (`verifyNodeNotification` from `@ams-edge/core/node`
 * reads the body itself; this backend reads it first to log it.)
 *
 * @param {import("node:http").IncomingMessage} req the request, for its URL and headers
 * @param {Uint8Array} rawBody the body exactly as received
 * @param {{ alipayPublicKey: string, clientId: string }} keys
 */
export function verifyAlipayNotification(req, rawBody, keys) {
  return verifyRawNotification(rawBody, req.headers, { ...keys, path: req.url ?? "/" });
}
