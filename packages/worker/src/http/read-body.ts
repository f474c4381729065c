import { WorkerError } from "./worker-error.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Reads a request body as UTF-8 text, refusing more than `limitBytes` (BODY_TOO_LARGE) and bytes
 * that are not UTF-8 (INVALID_JSON). The declared Content-Length is checked first, then the bytes
 * actually received (a chunked body declares nothing).
 */
export async function readBoundedText(request: Request, limitBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) {
    throw tooLarge(limitBytes, `${declared} bytes declared`);
  }
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes, `more than ${limitBytes} bytes received`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    // A lenient decoder would store U+FFFD in place of the bad bytes: the caller's text changed.
    throw new WorkerError(
      "INVALID_JSON",
      "expected a UTF-8 body; it has bytes that are not UTF-8 (send the JSON encoded as UTF-8)",
      { cause },
    );
  }
}

function tooLarge(limitBytes: number, seen: string): WorkerError {
  return new WorkerError(
    "BODY_TOO_LARGE",
    `expected a body of at most ${limitBytes} bytes; ${seen}`,
  );
}

/** Throws UNSUPPORTED_MEDIA_TYPE unless the request says its body is JSON. */
export function requireJsonContentType(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  const mediaType = type.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new WorkerError(
      "UNSUPPORTED_MEDIA_TYPE",
      `expected Content-Type application/json; got ${type === "" ? "none" : JSON.stringify(type)}`,
    );
  }
}

/** Parses JSON text, throwing INVALID_JSON (with the parser's reason) when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new WorkerError("INVALID_JSON", `expected a JSON body; ${reason}`, { cause });
  }
}

/** Reads, size-checks and parses a JSON request body. */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  requireJsonContentType(request);
  return parseJson(await readBoundedText(request, limitBytes));
}
