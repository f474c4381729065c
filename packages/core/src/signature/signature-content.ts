/** The fields an AMS signature covers. `body` is the exact string or bytes sent on the wire. */
export interface SignatureContent {
  /** HTTP method, used verbatim (the protocol only ever signs `POST`). */
  method: string;
  /** Path and query, no scheme or host, e.g. `/ams/api/v1/payments/pay`. */
  path: string;
  /** The `Client-Id` header value. */
  clientId: string;
  /** The `Request-Time` (or `response-time`) header value, verbatim. */
  requestTime: string;
  /** The exact body: a string is encoded as UTF-8, bytes are used as they are. */
  body: string | Uint8Array;
}

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `text`. `encode` always returns a fresh ArrayBuffer-backed array; some lib
 * typings (workers-types) declare it more loosely, hence the assertion.
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/**
 * Builds the bytes an AMS signature covers: `<METHOD> <path>\n<clientId>.<requestTime>.<body>`.
 * With `into`, they are written into it when they surely fit, and the result is a view of it.
 *
 * @example
 * signatureContent({ method: "POST", path: "/ams/api/v1/payments/pay", clientId: "C1", requestTime: "1685599933871", body: "{}" });
 */
export function signatureContent(
  c: SignatureContent,
  into?: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const { method, path, clientId, requestTime, body } = c;
  if ([method, path, clientId, requestTime].some((field) => typeof field !== "string")) {
    throw new TypeError("signatureContent: method, path, clientId and requestTime must be strings");
  }
  const isText = typeof body === "string";
  if (!isText && !(body instanceof Uint8Array)) {
    throw new TypeError("signatureContent: body must be a string or a Uint8Array");
  }
  const text = `${method} ${path}\n${clientId}.${requestTime}.${isText ? body : ""}`;
  const extra = isText ? 0 : body.length;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const size = text.length * 3 + extra;
  const out = into && into.length >= size ? into : new Uint8Array(size);
  const { written } = encoder.encodeInto(text, out);
  if (!isText) out.set(body, written);
  return out.subarray(0, written + extra);
}
