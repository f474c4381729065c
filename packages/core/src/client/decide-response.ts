import type { GenericSchema } from "valibot";
import { getDotPath, safeParse } from "valibot";
import { UNKNOWN_OUTCOME_HINT } from "./ams-client-error.ts";
import type { AmsResult, ResultStatus } from "./ams-result.ts";
import {
  checkGatewayResponse,
  type GatewayResponseInput,
  type RejectedResponse,
} from "./check-gateway-response.ts";
import type { AmsOperation } from "./endpoints.ts";
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  RETRYABLE_RESULT_CODES,
  type RetryPolicy,
} from "./retry-policy.ts";

/** One received response, with what is needed to judge it. */
export interface ReceivedResponse<T> extends GatewayResponseInput {
  operation: AmsOperation;
  status: number;
  schema: GenericSchema<unknown, T>;
  policy: RetryPolicy;
  /** Retries already made for this call. */
  retries: number;
}

/** What to do with a response: send again, return a result, or fail. */
export type ResponseDecision<T> = (
  | { action: "retry"; delayMs: number; reason: "HTTP_STATUS" | "RESULT_CODE" }
  | { action: "return"; result: AmsResult<T> }
  | { action: "fail"; error: RejectedResponse }
) & {
  /** Set once the response verified and carried a readable `result`. */
  resultStatus?: ResultStatus | undefined;
  resultCode?: string | undefined;
};

/**
 * How long to wait before retrying, or `undefined` when the retries are used up or the response's
 * `Retry-After` asks for a longer wait than `maxRetryAfterMs`.
 */
function retryDelay(r: ReceivedResponse<unknown>): number | undefined {
  if (r.retries >= r.policy.limit) return undefined;
  const retryAfter = parseRetryAfter(r.headers.get("retry-after"));
  if (retryAfter === undefined) return backoffDelay(r.retries + 1, r.policy);
  return retryAfter <= r.policy.maxRetryAfterMs ? retryAfter : undefined;
}

/**
 * Judges one gateway response: a non-200 is retried (408, 429, 5xx) or fails; a 200 is verified
 * per PROTOCOL §2, a retryable `U` is retried, an `S` body is parsed with its schema. Retries
 * honour `Retry-After`, and one asking to wait longer than `maxRetryAfterMs` ends the retries.
 */
export async function decideResponse<T>(r: ReceivedResponse<T>): Promise<ResponseDecision<T>> {
  const { status, operation } = r;
  if (status !== 200) {
    const delayMs = isRetryableStatus(status) ? retryDelay(r) : undefined;
    if (delayMs !== undefined) return { action: "retry", delayMs, reason: "HTTP_STATUS" };
    const message = `The gateway answered HTTP ${status} to ${operation}; expected 200.`;
    return { action: "fail", error: { code: "HTTP_STATUS", message, hint: UNKNOWN_OUTCOME_HINT } };
  }

  const checked = await checkGatewayResponse(r);
  if ("code" in checked) return { action: "fail", error: checked, resultCode: checked.resultCode };
  const { resultCode, resultMessage, body } = checked;
  const seen = { resultStatus: checked.status, resultCode };
  if (checked.status === "U" && RETRYABLE_RESULT_CODES.has(resultCode)) {
    const delayMs = retryDelay(r);
    if (delayMs !== undefined) return { action: "retry", delayMs, reason: "RESULT_CODE", ...seen };
  }
  const base = { resultCode, resultMessage, rawBody: r.rawBody, httpStatus: status };
  if (checked.status !== "S") {
    return {
      action: "return",
      result: { ...base, ok: false, status: checked.status, data: body },
      ...seen,
    };
  }
  const parsed = safeParse(r.schema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const error = {
      code: "RESPONSE_MALFORMED" as const,
      message: `The ${operation} response (S) does not match its schema at ${getDotPath(issue) ?? "(root)"}: ${issue.message}.`,
      hint: "The signature verified, so this is a protocol change or a schema gap: report it with the raw body.",
      cause: parsed.issues,
      resultCode,
    };
    return { action: "fail", error, ...seen };
  }
  return {
    action: "return",
    result: { ...base, ok: true, status: "S", data: parsed.output },
    ...seen,
  };
}
