import { verifyNotification } from "@ams-edge/core";

/**
 * Verifies a notification that reached an Express route mounted with `express.raw()`, and returns
 * what `verifyNotification` returns. The only place this backend touches verification: swap it
 * for an Express adapter of `@ams-edge/core` when there is one.
 *
 * @param {import("express").Request} req `req.body` must be the raw bytes (a `Buffer`)
 * @param {{ alipayPublicKey: string, clientId: string }} keys
 */
export function verifyAlipayNotification(req, keys) {
  if (!Buffer.isBuffer(req.body)) {
    // express.json() (or another parser) read the body first: the bytes the signature covers are
    // gone, and a re-serialised body never verifies.
    throw new TypeError(
      "verifyAlipayNotification: req.body is not the raw body; mount the notify route with express.raw({ type: () => true }) before express.json()",
    );
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return verifyNotification(
    { method: req.method, url: req.originalUrl, headers, body: req.body },
    keys,
  );
}
