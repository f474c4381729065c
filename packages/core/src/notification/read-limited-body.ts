import { NotificationError } from "./notification-error.ts";

const encoder = new TextEncoder();

function tooLarge(size: string, maxBytes: number): NotificationError {
  return new NotificationError(
    "BODY_TOO_LARGE",
    `The notification body is ${size}; at most ${maxBytes} bytes are accepted.`,
    { hint: "Raise `maxBodyBytes` if your notifications are legitimately larger." },
  );
}

/**
 * Reads a body once, stopping as soon as it exceeds `maxBytes` so that an oversized or endless
 * body costs no more than the limit.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | string | Uint8Array | ArrayBuffer | null | undefined,
  declaredLength: string | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (declaredLength !== null && Number(declaredLength) > maxBytes) {
    throw tooLarge(`${declaredLength} bytes (Content-Length)`, maxBytes);
  }
  if (body === null || body === undefined) return new Uint8Array(0);
  if (typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = typeof body === "string" ? encoder.encode(body) : new Uint8Array(body);
    if (bytes.byteLength > maxBytes) throw tooLarge(`${bytes.byteLength} bytes`, maxBytes);
    return bytes;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
