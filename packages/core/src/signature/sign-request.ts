import type { KeyInput } from "../keys/key-input.ts";
import { createSignature } from "./create-signature.ts";
import { formatSignatureHeader } from "./format-signature-header.ts";
import { isRequest, type RequestLike, readRequestParts } from "./request-parts.ts";

/** How {@link signRequest} signs. */
export interface SignRequestOptions {
  /** Your client id, sent as `Client-Id`. */
  clientId: string;
  /** Your private key, in any form `importPrivateKey` accepts. */
  privateKey: KeyInput;
  /** Sent in the `Signature` header; 1 when absent. */
  keyVersion?: string | number | undefined;
  /** `Request-Time`; the current epoch milliseconds when absent. */
  requestTime?: string | number | undefined;
  /** Path to sign when it differs from the URL's path and query. */
  path?: string | undefined;
}

/** What {@link signRequest} returns for a {@link RequestLike}: everything to send. */
export interface SignedRequestParts {
  /** The method, unchanged. */
  method: string;
  /** The URL, unchanged. */
  url: string;
  /** The original headers plus `Client-Id`, `Request-Time`, `Signature` and a JSON `Content-Type`. */
  headers: Headers;
  /** The exact bytes that were signed: send these, never a re-serialization. */
  body: Uint8Array<ArrayBuffer>;
  /** The `Signature` header value. */
  signature: string;
  /** The `Request-Time` header value. */
  requestTime: string;
}

/**
 * Signs a request for the AMS gateway. The body is read exactly once and the signed bytes are the
 * ones sent. A fetch `Request` gives back a new `Request` carrying the headers; a
 * {@link RequestLike} gives back {@link SignedRequestParts}.
 *
 * @example
 * const signed = await signRequest(new Request(url, { method: "POST", body }), { clientId, privateKey });
 * const response = await fetch(signed);
 */
export function signRequest(request: Request, options: SignRequestOptions): Promise<Request>;
export function signRequest(
  request: RequestLike,
  options: SignRequestOptions,
): Promise<SignedRequestParts>;
export async function signRequest(
  request: Request | RequestLike,
  options: SignRequestOptions,
): Promise<Request | SignedRequestParts> {
  const parts = await readRequestParts(request);
  const requestTime = String(options.requestTime ?? Date.now());
  const signature = await createSignature(
    {
      method: parts.method,
      path: options.path ?? parts.path,
      clientId: options.clientId,
      requestTime,
      body: parts.body,
    },
    options.privateKey,
  );
  const headers = new Headers(parts.headers);
  headers.set("client-id", options.clientId);
  headers.set("request-time", requestTime);
  headers.set(
    "signature",
    formatSignatureHeader({ signature, keyVersion: options.keyVersion ?? 1 }),
  );
  if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=UTF-8");
  if (isRequest(request)) {
    const body = parts.body.length > 0 ? parts.body : null;
    return new Request(request, { headers, body });
  }
  return {
    method: parts.method,
    url: parts.url,
    headers,
    body: parts.body,
    signature: headers.get("signature") ?? "",
    requestTime,
  };
}
