import { ConfigError } from "../config/config-error.ts";
import {
  checkNotificationOptions,
  type VerifiedNotification,
  type VerifyNotificationOptions,
} from "./notification-options.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { verifyNotificationBody } from "./verify-notification-body.ts";

/**
 * Request headers in any common shape: a fetch `Headers`, or a plain object such as Node's
 * `IncomingHttpHeaders` (lowercase names; a repeated header as an array).
 */
export type HeadersLike =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Options of {@link verifyRawNotification}: `path` is required, there being no URL to take it from. */
export interface VerifyRawNotificationOptions extends VerifyNotificationOptions {
  /** The path (and query) of the `paymentNotifyUrl` you sent, e.g. `"/alipay/notify"`. */
  path: string;
}

/** A fetch `Headers` for any {@link HeadersLike}. */
export function toHeaders(input: HeadersLike): Headers {
  if (typeof (input as Headers).get === "function") return input as Headers;
  const headers = new Headers();
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    headers.set(name, typeof value === "object" ? value.join(", ") : String(value));
  }
  return headers;
}

/**
 * Verifies a notification given its raw body, its headers and your options, in any framework:
 * the same checks and the same result as `verifyNotification`, without a `Request`. The body
 * must be the exact bytes received (a `Uint8Array` or Node `Buffer`, an `ArrayBuffer`, or the
 * string they decode to); a parsed object (Express's `req.body` after `express.json()`) is
 * refused with `ConfigError` `BODY_NOT_RAW`, since re-serializing it would not give the bytes the
 * provider signed.
 *
 * @example
 * // Express: app.post("/alipay/notify", express.raw({ type: "*\/*" }), async (req, res) => { ... })
 * const verified = await verifyRawNotification(req.body, req.headers, {
 *   alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY ?? "",
 *   clientId: process.env.AMS_CLIENT_ID ?? "",
 *   path: "/alipay/notify",
 * });
 */
export async function verifyRawNotification(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: HeadersLike,
  options: VerifyRawNotificationOptions,
): Promise<VerifiedNotification> {
  const maxBytes = await checkNotificationOptions("verifyRawNotification", options);
  if (typeof options.path !== "string") {
    throw new TypeError(
      'verifyRawNotification: `path` (the path of your paymentNotifyUrl, e.g. "/alipay/notify") is required',
    );
  }
  checkRawBody("verifyRawNotification", rawBody);
  return verifyNotificationBody(
    {
      headers: toHeaders(headers),
      readBody: () => readLimitedBody(rawBody, null, maxBytes),
      path: options.path,
    },
    options,
  );
}

/** Refuses a body that is not raw bytes or text, with `BODY_NOT_RAW`. */
export function checkRawBody(
  owner: string,
  body: unknown,
): asserts body is string | Uint8Array | ArrayBuffer {
  if (typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer) return;
  const seen =
    body === undefined || body === null
      ? "no body (no raw body parser ran on this route)"
      : "a parsed object (a JSON body parser ran first)";
  throw new ConfigError(
    "BODY_NOT_RAW",
    "body",
    `${owner}: expected the raw body bytes the provider signed, got ${seen}.`,
    {
      hint: 'Use the raw body: in Express, mount the notify route with express.raw({ type: "*/*" }) before express.json(), or keep the bytes with express.json({ verify: keepRawBody }).',
    },
  );
}
