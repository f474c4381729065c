import { utf8 } from "./signature-content.ts";

/** A request described by its parts, for code that does not hold a fetch `Request`. */
export interface RequestLike {
  /** HTTP method. */
  method: string;
  /** Absolute URL, or a path starting with `/`. */
  url: string | URL;
  /** Headers in any form `Headers` accepts; names in any case. */
  headers?: HeadersInit | undefined;
  /** The exact body; absent or `null` for none. */
  body?: string | Uint8Array | ArrayBuffer | null | undefined;
}

/** Method, path, headers and body bytes of a request, with its body read exactly once. */
export interface RequestParts {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** Path and query of `url` as a signature covers them (no scheme, no host). */
export function pathOf(url: string | URL): string {
  if (typeof url === "string" && url.startsWith("/")) return url;
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** True for a fetch `Request` (also from another realm). */
export function isRequest(value: Request | RequestLike): value is Request {
  return typeof (value as Request).arrayBuffer === "function";
}

function toBytes(body: RequestLike["body"]): Uint8Array<ArrayBuffer> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === "string") return utf8(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (body instanceof Uint8Array) return new Uint8Array(body);
  throw new TypeError("body must be a string, Uint8Array, ArrayBuffer or null");
}

/** Reads a `Request` (consuming its body) or a {@link RequestLike} into its parts. */
export async function readRequestParts(request: Request | RequestLike): Promise<RequestParts> {
  if (isRequest(request)) {
    const body = new Uint8Array(await request.arrayBuffer());
    return {
      method: request.method,
      url: request.url,
      path: pathOf(request.url),
      headers: request.headers,
      body,
    };
  }
  const url = String(request.url);
  return {
    method: request.method,
    url,
    path: pathOf(url),
    headers: new Headers(request.headers),
    body: toBytes(request.body),
  };
}
