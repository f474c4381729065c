import { safeParse } from "valibot";
import type { KeyInput } from "../keys/index.ts";
import { ResultSchema } from "../schemas/index.ts";
import {
  type ParsedSignatureHeader,
  parseSignatureHeader,
  SignatureHeaderError,
  verifySignature,
} from "../signature/index.ts";
import type { AmsClientErrorCode } from "./ams-client-error.ts";
import type { ResultStatus } from "./ams-result.ts";

/** What the client needs to verify one response. */
export interface GatewayResponseInput {
  /** Response headers; `signature`, `response-time` and `client-id` are read verbatim. */
  headers: Headers;
  /** The response body exactly as received. */
  body: Uint8Array;
  /** The path the request was sent to (the response is signed over the same path). */
  path: string;
  /** Used when the response carries no `client-id` header. */
  clientId: string;
  /** The provider's public key. */
  publicKey: KeyInput;
}

/** A response that passed the PROTOCOL §2 policy, with its body parsed. */
export interface CheckedResponse {
  ok: true;
  status: ResultStatus;
  resultCode: string;
  resultMessage: string;
  body: Record<string, unknown>;
  rawBody: string;
  /** False for an accepted unsigned `F` or `U` response. */
  signed: boolean;
}

/** A response that must not be trusted, and why. */
export interface RejectedResponse {
  ok: false;
  code: Extract<
    AmsClientErrorCode,
    | "RESPONSE_UNSIGNED"
    | "RESPONSE_SIGNATURE_INCOMPLETE"
    | "RESPONSE_SIGNATURE_INVALID"
    | "RESPONSE_MALFORMED"
  >;
  message: string;
  hint: string;
  rawBody: string;
  resultCode?: string | undefined;
  cause?: unknown;
}

const decoder = new TextDecoder();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies PROTOCOL §2 to one gateway response: the signature is checked over the received bytes
 * before anything is parsed; an `S` must be signed and verify; an unsigned response is accepted
 * only when its status is `F` or `U`; a response with only one of `signature` / `response-time`
 * is rejected. Never fails open.
 */
export async function checkGatewayResponse(
  input: GatewayResponseInput,
): Promise<CheckedResponse | RejectedResponse> {
  const rawBody = decoder.decode(input.body);
  const signature = input.headers.get("signature");
  const responseTime = input.headers.get("response-time");
  const reject = (
    code: RejectedResponse["code"],
    message: string,
    hint: string,
    extra?: { resultCode?: string; cause?: unknown },
  ): RejectedResponse => ({ ok: false, code, message, hint, rawBody, ...extra });

  if ((signature === null) !== (responseTime === null)) {
    const [has, lacks] =
      signature === null ? ["response-time", "signature"] : ["signature", "response-time"];
    return reject(
      "RESPONSE_SIGNATURE_INCOMPLETE",
      `The gateway response has a \`${has}\` header but no \`${lacks}\` header, so it cannot be verified.`,
      "A genuine gateway sends both or neither; check any proxy between you and the gateway.",
    );
  }
  const signed = signature !== null && responseTime !== null;
  if (signed) {
    const clientId = input.headers.get("client-id") ?? input.clientId;
    let parsed: ParsedSignatureHeader | undefined;
    let cause: unknown;
    try {
      parsed = parseSignatureHeader(signature);
    } catch (error) {
      if (!(error instanceof SignatureHeaderError)) throw error;
      cause = error;
    }
    // A bad key rejects here with its KeyError: a configuration error, not a bad response.
    const verified =
      parsed !== undefined &&
      (await verifySignature(
        { method: "POST", path: input.path, clientId, requestTime: responseTime, body: input.body },
        parsed.signature,
        input.publicKey,
      ));
    if (!verified) {
      return reject(
        "RESPONSE_SIGNATURE_INVALID",
        `The gateway response signature does not verify over POST ${input.path} with client-id "${clientId}" and response-time "${responseTime}".`,
        "Pass the provider's public key as `alipayPublicKey` (not your own public key), for the same environment (sandbox or live) as the client id.",
        { cause },
      );
    }
  }

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (error) {
    return reject(
      "RESPONSE_MALFORMED",
      `The gateway response body is not JSON (first bytes: ${JSON.stringify(rawBody.slice(0, 40))}).`,
      "Check that `gateway` points at an AMS gateway.",
      { cause: error },
    );
  }
  const result = isRecord(body) ? safeParse(ResultSchema, body.result) : undefined;
  if (!isRecord(body) || result === undefined || !result.success) {
    return reject(
      "RESPONSE_MALFORMED",
      "The gateway response has no `result` with a `resultCode` and a `resultStatus` of S, F or U.",
      "Check that `gateway` points at an AMS gateway.",
    );
  }
  const { resultStatus: status, resultCode, resultMessage = "" } = result.output;
  if (!signed && status === "S") {
    return reject(
      "RESPONSE_UNSIGNED",
      `The gateway answered ${resultCode} (S) without a signature; a success must be signed.`,
      "Do not trust this answer: inquire the payment, and check any proxy that might strip headers.",
      { resultCode },
    );
  }
  return {
    ok: true,
    status,
    resultCode,
    resultMessage,
    body,
    rawBody,
    signed,
  };
}
