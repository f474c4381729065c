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
  /** The same body decoded as UTF-8. */
  rawBody: string;
  /** The path the request was sent to (the response is signed over the same path). */
  path: string;
  /** Used when the response carries no `client-id` header. */
  clientId: string;
  /** The provider's public key. */
  publicKey: KeyInput;
}

/** A response that passed the PROTOCOL §2 policy, with its body parsed. */
export interface CheckedResponse {
  status: ResultStatus;
  resultCode: string;
  resultMessage: string;
  body: Record<string, unknown>;
}

/** A response that must not be trusted, and why; shaped to become an `AmsClientError`. */
export interface RejectedResponse {
  code: AmsClientErrorCode;
  message: string;
  hint: string;
  resultCode?: string;
  cause?: unknown;
}

const NOT_A_GATEWAY = "Check that `gateway` points at an AMS gateway.";

/**
 * Applies PROTOCOL §2 to one gateway response: the signature is checked over the received bytes
 * before anything is parsed; an `S` must be signed and verify; an unsigned response is accepted
 * only when its status is `F` or `U`; a response with only one of `signature` / `response-time`
 * is rejected. Never fails open.
 */
export async function checkGatewayResponse(
  input: GatewayResponseInput,
): Promise<CheckedResponse | RejectedResponse> {
  const { headers, path, rawBody } = input;
  const signature = headers.get("signature");
  const responseTime = headers.get("response-time");
  if (signature === null || responseTime === null) {
    if (signature !== responseTime) {
      const [has, lacks] =
        signature === null ? ["response-time", "signature"] : ["signature", "response-time"];
      return {
        code: "RESPONSE_SIGNATURE_INCOMPLETE",
        message: `The gateway response has a \`${has}\` header but no \`${lacks}\` header, so it cannot be verified.`,
        hint: "A genuine gateway sends both or neither; check any proxy between you and the gateway.",
      };
    }
  } else {
    const clientId = headers.get("client-id") ?? input.clientId;
    let parsed: ParsedSignatureHeader | undefined;
    let cause: unknown;
    try {
      parsed = parseSignatureHeader(signature);
    } catch (error) {
      if (!(error instanceof SignatureHeaderError)) throw error;
      cause = error;
    }
    // A bad key rejects here with its KeyError: a configuration error, not a bad response.
    const content = { method: "POST", path, clientId, requestTime: responseTime, body: input.body };
    if (
      parsed === undefined ||
      !(await verifySignature(content, parsed.signature, input.publicKey))
    ) {
      return {
        code: "RESPONSE_SIGNATURE_INVALID",
        message: `The gateway response signature does not verify over POST ${path} with client-id "${clientId}" and response-time "${responseTime}".`,
        hint: "Pass the provider's public key as `alipayPublicKey` (not your own public key), for the same environment (sandbox or live) as the client id.",
        cause,
      };
    }
  }

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (error) {
    return {
      code: "RESPONSE_MALFORMED",
      message: `The gateway response body is not JSON (first bytes: ${JSON.stringify(rawBody.slice(0, 40))}).`,
      hint: NOT_A_GATEWAY,
      cause: error,
    };
  }
  const result = isRecord(body) ? safeParse(ResultSchema, body.result) : undefined;
  if (!isRecord(body) || !result?.success) {
    return {
      code: "RESPONSE_MALFORMED",
      message:
        "The gateway response has no `result` with a `resultCode` and a `resultStatus` of S, F or U.",
      hint: NOT_A_GATEWAY,
    };
  }
  const { resultStatus: status, resultCode, resultMessage = "" } = result.output;
  if (signature === null && status === "S") {
    return {
      code: "RESPONSE_UNSIGNED",
      message: `The gateway answered ${resultCode} (S) without a signature; a success must be signed.`,
      hint: "Do not trust this answer: inquire the payment, and check any proxy that might strip headers.",
      resultCode,
    };
  }
  return { status, resultCode, resultMessage, body };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
