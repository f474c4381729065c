import { verifyNotification } from "@ams-edge/core";

/**
 * Verifies a notification from its raw body and the request's method, URL and headers, and
 * returns what `verifyNotification` returns. The only place this backend touches verification:
 * swap it for a `node:http` adapter of `@ams-edge/core` when there is one.
 *
 * @param {import("node:http").IncomingMessage} req the request, for its method, URL and headers
 * @param {Uint8Array} rawBody the body exactly as received
 * @param {{ alipayPublicKey: string, clientId: string }} keys
 */
export function verifyAlipayNotification(req, rawBody, keys) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return verifyNotification(
    { method: req.method ?? "GET", url: req.url ?? "/", headers, body: rawBody },
    keys,
  );
}
