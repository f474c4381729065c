import { verifyNodeNotification } from "@ams-edge/core/node";

/**
 * Verifies a notification that reached an Express route mounted with `express.raw()`, and returns
 * what `verifyNotification` returns: the one place this backend touches verification. A body that
 * another parser already read (`express.json()` mounted before the route) is refused with the
 * `ConfigError` `BODY_NOT_RAW`, which says to mount the route with the raw body.
 *
 * @param {import("express").Request} req `req.body` must be the raw bytes (a `Buffer`)
 * @param {{ alipayPublicKey: string, clientId: string }} keys
 */
export function verifyAlipayNotification(req, keys) {
  return verifyNodeNotification(req, keys);
}
