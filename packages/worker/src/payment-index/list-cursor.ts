import { WorkerError } from "../http/worker-error.ts";
import { fromBase64Url, toBase64Url } from "../util/base64url.ts";

/** Position after the last row of a page: listing is newest first, ties broken by id. */
export interface ListCursor {
  createdAt: string;
  paymentRequestId: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes a cursor as an opaque base64url string. */
export function encodeCursor(cursor: ListCursor): string {
  return toBase64Url(encoder.encode(JSON.stringify([cursor.createdAt, cursor.paymentRequestId])));
}

/** Decodes a cursor made by {@link encodeCursor}; throws INVALID_CURSOR for anything else. */
export function decodeCursor(text: string): ListCursor {
  const bytes = fromBase64Url(text);
  let parsed: unknown;
  try {
    parsed = bytes === null ? null : JSON.parse(decoder.decode(bytes));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== "string" ||
    typeof parsed[1] !== "string"
  ) {
    throw new WorkerError(
      "INVALID_CURSOR",
      "expected `cursor` to be a nextCursor value from a previous page, unchanged",
    );
  }
  return { createdAt: parsed[0], paymentRequestId: parsed[1] };
}
