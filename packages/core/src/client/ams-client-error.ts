import { AmsEdgeError } from "../errors/ams-edge-error.ts";
import type { AmsOperation } from "./endpoints.ts";

/**
 * Stable codes of {@link AmsClientError}:
 * - `TIMEOUT`: no complete, verified response within `timeoutMs`, headers and body alike (after
 *   any retries).
 * - `NETWORK`: the request could not be sent or the connection broke (after any retries).
 * - `ABORTED`: the caller's `AbortSignal` fired.
 * - `HTTP_STATUS`: the gateway answered with an HTTP status other than 200.
 * - `RESPONSE_UNSIGNED`: an `S` response came without a signature.
 * - `RESPONSE_SIGNATURE_INCOMPLETE`: only one of `signature` / `response-time` was sent.
 * - `RESPONSE_SIGNATURE_INVALID`: the response signature does not verify (or is malformed).
 * - `RESPONSE_MALFORMED`: the body is not JSON, has no valid `result`, or an `S` body does not
 *   match its schema.
 *
 * A request that fails its schema is not a transport failure: it throws the schemas' `RequestError`
 * before anything is sent.
 */
export type AmsClientErrorCode =
  | "TIMEOUT"
  | "NETWORK"
  | "ABORTED"
  | "HTTP_STATUS"
  | "RESPONSE_UNSIGNED"
  | "RESPONSE_SIGNATURE_INCOMPLETE"
  | "RESPONSE_SIGNATURE_INVALID"
  | "RESPONSE_MALFORMED";

/** The hint of every failure after which the payment's fate is unknown. */
export const UNKNOWN_OUTCOME_HINT =
  "The outcome is unknown: inquire, or retry with the same request id.";

/** What the client knew about the exchange when it failed. */
export interface AmsClientErrorDetails {
  /** The gateway operation that failed. */
  operation: AmsOperation;
  /** How many requests were sent (1 when there was no retry). */
  attempts: number;
  /** HTTP status of the last response, if one arrived. */
  httpStatus?: number | undefined;
  /** The gateway's request or trace id from the last response headers, if any. */
  requestId?: string | undefined;
  /** `result.resultCode` of the last response, if it could be read. */
  resultCode?: string | undefined;
  /** The last response body as received, if one arrived. */
  rawBody?: string | undefined;
  cause?: unknown;
  hint?: string | undefined;
}

/**
 * A transport or protocol failure of a gateway call: nothing trustworthy came back. Business
 * failures (`F`, `U`) are results, not errors. After `TIMEOUT`, `NETWORK` or `HTTP_STATUS` the
 * payment's fate is unknown: inquire, or retry with the same request id.
 */
export class AmsClientError extends AmsEdgeError<AmsClientErrorCode> {
  /** The gateway operation that failed. */
  readonly operation: AmsOperation;
  /** How many requests were sent. */
  readonly attempts: number;
  /** HTTP status of the last response, if one arrived. */
  readonly httpStatus: number | undefined;
  /** The gateway's request or trace id, if it sent one. */
  readonly requestId: string | undefined;
  /** `result.resultCode` of the last response, if it could be read. */
  readonly resultCode: string | undefined;
  /** The last response body as received, if one arrived. */
  readonly rawBody: string | undefined;

  constructor(code: AmsClientErrorCode, message: string, details: AmsClientErrorDetails) {
    const options: { cause?: unknown; hint?: string } = {};
    if (details.cause !== undefined) options.cause = details.cause;
    if (details.hint !== undefined) options.hint = details.hint;
    super(code, message, options);
    this.name = "AmsClientError";
    this.operation = details.operation;
    this.attempts = details.attempts;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.resultCode = details.resultCode;
    this.rawBody = details.rawBody;
  }
}

/** True when `value` is an {@link AmsClientError}, also across realms (compares `name`). */
export function isAmsClientError(value: unknown): value is AmsClientError {
  return (
    value instanceof AmsClientError ||
    (value instanceof Error && value.name === "AmsClientError" && "code" in value)
  );
}
