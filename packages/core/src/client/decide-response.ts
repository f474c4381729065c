import type { GenericSchema } from "valibot";
import { getDotPath, safeParse } from "valibot";
import type { KeyInput } from "../keys/index.ts";
import { type AmsClientErrorCode, UNKNOWN_OUTCOME_HINT } from "./ams-client-error.ts";
import type { AmsResult, ResultStatus } from "./ams-result.ts";
import { checkGatewayResponse } from "./check-gateway-response.ts";
import type { AmsOperation } from "./endpoints.ts";
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  RETRYABLE_RESULT_CODES,
  type RetryPolicy,
} from "./retry-policy.ts";

/** One received response, with what is needed to judge it. */
export interface ReceivedResponse<T> {
  operation: AmsOperation;
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** Path the request went to; the response is signed over it. */
  path: string;
  clientId: string;
  publicKey: KeyInput;
  schema: GenericSchema<unknown, T>;
  policy: RetryPolicy;
  /** Retries already made for this call. */
  retries: number;
}

/** What to do with a response: send again, return a result, or fail. */
export type ResponseDecision<T> = (
  | { action: "retry"; delayMs: number; reason: "HTTP_STATUS" | "RESULT_CODE" }
  | { action: "return"; result: AmsResult<T> }
  | { action: "fail"; code: AmsClientErrorCode; message: string; hint: string; cause?: unknown }
) & {
  /** Set once the response verified and carried a readable `result`. */
  resultStatus?: ResultStatus | undefined;
  resultCode?: string | undefined;
};

/**
 * Judges one gateway response: a non-200 is retried (408, 429, 5xx) or fails; a 200 is verified
 * per PROTOCOL §2, a retryable `U` is retried, an `S` body is parsed with its schema. Retries
 * honour `Retry-After`, and one asking to wait longer than `maxRetryAfterMs` ends the retries.
 */
export async function decideResponse<T>(r: ReceivedResponse<T>): Promise<ResponseDecision<T>> {
  const retryAfter = parseRetryAfter(r.headers.get("retry-after"));
  const mayRetry =
    r.retries < r.policy.limit &&
    (retryAfter === undefined || retryAfter <= r.policy.maxRetryAfterMs);
  const delayMs = retryAfter ?? backoffDelay(r.retries + 1, r.policy);

  if (r.status !== 200) {
    if (mayRetry && isRetryableStatus(r.status))
      return { action: "retry", delayMs, reason: "HTTP_STATUS" };
    return {
      action: "fail",
      code: "HTTP_STATUS",
      message: `The gateway answered HTTP ${r.status} to ${r.operation}; expected 200.`,
      hint: UNKNOWN_OUTCOME_HINT,
    };
  }

  const checked = await checkGatewayResponse({
    headers: r.headers,
    body: r.body,
    path: r.path,
    clientId: r.clientId,
    publicKey: r.publicKey,
  });
  if (!checked.ok) {
    const { code, message, hint, cause, resultCode } = checked;
    return { action: "fail", code, message, hint, cause, resultCode };
  }
  const seen = { resultStatus: checked.status, resultCode: checked.resultCode };
  if (checked.status === "U" && RETRYABLE_RESULT_CODES.has(checked.resultCode) && mayRetry) {
    return { action: "retry", delayMs, reason: "RESULT_CODE", ...seen };
  }
  const base = {
    resultCode: checked.resultCode,
    resultMessage: checked.resultMessage,
    rawBody: checked.rawBody,
    httpStatus: r.status,
  };
  if (checked.status !== "S") {
    return {
      action: "return",
      result: { ...base, ok: false, status: checked.status, data: checked.body },
      ...seen,
    };
  }
  const parsed = safeParse(r.schema, checked.body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const at = getDotPath(issue) ?? "(root)";
    return {
      action: "fail",
      code: "RESPONSE_MALFORMED",
      message: `The ${r.operation} response (S) does not match its schema at ${at}: ${issue.message}.`,
      hint: "The signature verified, so this is a protocol change or a schema gap: report it with the raw body.",
      cause: parsed.issues,
      ...seen,
    };
  }
  return {
    action: "return",
    result: { ...base, ok: true, status: "S", data: parsed.output },
    ...seen,
  };
}
