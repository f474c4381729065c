import type { WorkerErrorCode } from "../../src/http/worker-error.ts";
import { TEST_PUBLIC_BASE_URL } from "../fixtures/test-config.ts";

/** What an input must get back. */
export type Expected =
  /** A 4xx `{ error: { code, message } }` with one of these codes. */
  | { kind: "refusal"; codes: readonly WorkerErrorCode[] }
  /** A HEAD request: this status and no body. */
  | { kind: "bodiless"; status: number }
  /** A verified notification of another kind: the exact acknowledgement, one row logged. */
  | { kind: "acknowledged" };

/** The refusal with exactly one code. */
export const refusal = (code: WorkerErrorCode): Expected => ({ kind: "refusal", codes: [code] });

/**
 * A request body as generated: text, optionally with bytes that are not UTF-8 spliced in at a
 * character index, padded at a marker to a byte size, or sent as a chunked stream.
 */
export interface BodySpec {
  text: string;
  invalidUtf8?: { at: number; bytes: number[] };
  pad?: { marker: string; toBytes: number };
  chunked?: boolean;
}

/** One generated request (printable, so a failure shows the input). */
export interface HttpSpec {
  label: string;
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  path: string;
  headers: [string, string][];
  body: BodySpec | null;
  expected: Expected;
  /** Payment ids whose Durable Objects this input addresses (checked unchanged after it). */
  touches: string[];
}

const encoder = new TextEncoder();

/** The bytes of a body spec. */
export function bodyBytes(spec: BodySpec): Uint8Array {
  let text = spec.text;
  if (spec.pad !== undefined) {
    const { marker, toBytes } = spec.pad;
    const missing = toBytes - (encoder.encode(text).byteLength - marker.length);
    text = text.replace(marker, "x".repeat(Math.max(0, missing)));
  }
  const bytes = encoder.encode(text);
  if (spec.invalidUtf8 === undefined) return bytes;
  const offset = encoder.encode(text.slice(0, spec.invalidUtf8.at)).byteLength;
  const out = new Uint8Array(bytes.byteLength + spec.invalidUtf8.bytes.length);
  out.set(bytes.subarray(0, offset), 0);
  out.set(spec.invalidUtf8.bytes, offset);
  out.set(bytes.subarray(offset), offset + spec.invalidUtf8.bytes.length);
  return out;
}

/** The body as `fetch` takes it: bytes (so no default Content-Type), or a chunked stream. */
export function bodyInit(spec: BodySpec): BodyInit {
  const bytes = bodyBytes(spec);
  if (spec.chunked !== true) return bytes;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + 8192));
      offset += 8192;
    },
  });
}

/** The Request of a spec, addressed to the Worker under test. */
export function toRequest(spec: HttpSpec): Request {
  return new Request(`${TEST_PUBLIC_BASE_URL}${spec.path}`, {
    method: spec.method,
    headers: spec.headers,
    ...(spec.body === null ? {} : { body: bodyInit(spec.body) }),
  });
}

/** Index of the first character inside the first string literal after `key` in JSON text. */
export function insideStringOf(text: string, key: string): number {
  const at = text.indexOf(`"${key}":"`);
  if (at === -1) throw new TypeError(`no string field "${key}" in ${text.slice(0, 80)}`);
  return at + key.length + 4;
}
