import { isAmsEdgeError, parseSignatureHeader, verifySignature } from "@ams-edge/core";
import type { SandboxSettings } from "../sandbox/sandbox-settings.ts";
import { type WireResult, wireResult } from "./result-codes.ts";

/** A call that passed the gateway's checks, or the F result that stopped it. */
export type CallReading =
  | { readonly ok: true; readonly clientId: string; readonly json: unknown }
  | { readonly ok: false; readonly clientId: string; readonly result: WireResult };

const decoder = new TextDecoder();

/**
 * Checks a gateway call the way the provider does, in its order: method, media type, client id,
 * signature header, key version, signature over the exact body bytes, then JSON. Failures are F
 * results (sent with HTTP 200), never exceptions.
 */
export async function readCall(
  settings: SandboxSettings,
  request: Request,
  path: string,
): Promise<CallReading> {
  const clientId = request.headers.get("client-id") ?? "";
  const fail = (code: string, detail?: string): CallReading => ({
    ok: false,
    clientId,
    result: wireResult(code, detail),
  });
  if (request.method !== "POST")
    return fail("METHOD_NOT_SUPPORTED", `Use POST, not ${request.method}.`);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType.trim())) {
    return fail(
      "MEDIA_TYPE_NOT_ACCEPTABLE",
      `Send Content-Type: application/json; charset=UTF-8 (got ${contentType === "" ? "none" : `"${contentType}"`}).`,
    );
  }
  if (clientId === "") return fail("INVALID_CLIENT", "The Client-Id header is missing.");
  const keys = settings.merchants.get(clientId);
  if (keys === undefined) {
    return fail("INVALID_CLIENT", `Client id "${clientId}" is not registered with this sandbox.`);
  }
  const header = request.headers.get("signature");
  if (header === null || header.trim() === "")
    return fail("INVALID_SIGNATURE", "The Signature header is missing.");
  let keyVersion: string;
  try {
    keyVersion = parseSignatureHeader(header).keyVersion;
  } catch (error) {
    if (isAmsEdgeError(error)) return fail("INVALID_SIGNATURE", error.message);
    throw error;
  }
  const publicKey = keys.get(keyVersion);
  if (publicKey === undefined) {
    return fail(
      "KEY_NOT_FOUND",
      `No public key with keyVersion ${keyVersion} is registered for client id "${clientId}" (registered: ${[...keys.keys()].join(", ")}).`,
    );
  }
  const requestTime = request.headers.get("request-time");
  if (requestTime === null || requestTime === "") {
    return fail("PARAM_ILLEGAL", "Illegal parameter Request-Time: the header is missing.");
  }
  const body = new Uint8Array(await request.arrayBuffer());
  let valid: boolean;
  try {
    valid = await verifySignature(
      { method: "POST", path, clientId, requestTime, body },
      header,
      publicKey,
    );
  } catch (error) {
    if (!isAmsEdgeError(error)) throw error;
    return fail(
      "KEY_NOT_FOUND",
      `The public key registered for client id "${clientId}" is unusable: ${error.message}`,
    );
  }
  if (!valid) {
    return fail(
      "INVALID_SIGNATURE",
      `The signature does not verify with the public key registered for client id "${clientId}" (keyVersion ${keyVersion}). Sign "POST ${path}\\n${clientId}.<Request-Time>.<body>" over the exact bytes sent, with the private key that matches that public key.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(body));
  } catch {
    return fail("PARAM_ILLEGAL", "Illegal parameter (body): not valid JSON.");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return fail("PARAM_ILLEGAL", "Illegal parameter (body): expected a JSON object.");
  }
  return { ok: true, clientId, json };
}
