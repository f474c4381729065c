import { ConfigError } from "../config/config-error.ts";
import { NotificationError } from "../notification/notification-error.ts";
import { DEFAULT_NOTIFICATION_MAX_BYTES } from "../notification/notification-options.ts";
import type { NodeRequestLike } from "./node-types.ts";

const encoder = new TextEncoder();
const isBytes = (value: unknown): value is string | Uint8Array =>
  typeof value === "string" || value instanceof Uint8Array;

/**
 * The raw body of a Node or Express request, exactly as received: the bytes kept by
 * `keepRawBody`, those of `express.raw()` / `express.text()`, or else the stream, read once and
 * stopped past `maxBytes` (`NotificationError` `BODY_TOO_LARGE`). A body that a JSON parser
 * already consumed is refused with `ConfigError` `BODY_NOT_RAW`: its bytes are gone.
 *
 * @example
 * const body = await readNodeBody(req); // Uint8Array
 */
export async function readNodeBody(
  req: NodeRequestLike,
  maxBytes = DEFAULT_NOTIFICATION_MAX_BYTES,
): Promise<Uint8Array | string> {
  if (isBytes(req.rawBody)) return req.rawBody;
  if (isBytes(req.body)) return req.body;
  // Express 4 leaves `{}` where no parser matched, its stream unread; `_body` marks a consumed one.
  const { body } = req;
  const parsed = typeof body === "object" && body !== null && Object.keys(body).length > 0;
  if (req._body === true || parsed) {
    throw new ConfigError(
      "BODY_NOT_RAW",
      "body",
      "readNodeBody: a body parser (express.json() or express.urlencoded()) consumed the body before it could be verified; only the raw bytes can be.",
      {
        hint: 'Mount the notify route with express.raw({ type: "*/*" }) before app.use(express.json()), or mount express.json({ verify: keepRawBody }).',
      },
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) {
      throw new NotificationError(
        "BODY_TOO_LARGE",
        `The notification body is more than ${maxBytes} bytes; at most ${maxBytes} are accepted.`,
        { hint: "Raise `maxBodyBytes` if your notifications are legitimately larger." },
      );
    }
    chunks.push(bytes);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * A `verify` option for `express.json()` that keeps each request's raw bytes as `req.rawBody`,
 * so that the notify route verifies even when `express.json()` is mounted before it.
 *
 * @example
 * app.use(express.json({ verify: keepRawBody }));
 */
export function keepRawBody(req: object, _res: unknown, buffer: Uint8Array): void {
  (req as { rawBody?: Uint8Array }).rawBody = buffer;
}
