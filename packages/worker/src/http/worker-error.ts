import { AmsEdgeError, NOTIFICATION_ERROR_STATUS } from "@ams-edge/core";
import type { ErrorBody, WorkerErrorCode } from "@ams-edge/core/api";

export type { ErrorBody, WorkerErrorCode } from "@ams-edge/core/api";

/**
 * The HTTP status of each of the Worker's error codes (the codes are listed in core's API
 * contract). A notification that fails a check is answered with core's code and status for it.
 */
export const workerErrorStatus = {
  ...NOTIFICATION_ERROR_STATUS,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  API_KEY_INVALID: 401,
  STATUS_TOKEN_INVALID: 401,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  INVALID_CURSOR: 400,
  UNKNOWN_STORE: 404,
  ENTRY_CODE_DISABLED: 404,
  PAYMENT_NOT_FOUND: 404,
  AMOUNT_OUT_OF_RANGE: 422,
  CURRENCY_NOT_ACCEPTED: 422,
  REFUND_AMOUNT_EXCEEDED: 422,
  IDEMPOTENCY_KEY_REUSED: 409,
  PAYMENT_NOT_CANCELLABLE: 409,
  PAYMENT_NOT_REFUNDABLE: 409,
  RATE_LIMITED: 429,
  GATEWAY_UNAVAILABLE: 502,
  STORAGE_FAILURE: 503,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
} as const satisfies Record<WorkerErrorCode, number>;

/**
 * An error that becomes an HTTP answer: the status comes from the code, the message is shown to
 * the caller (so it never carries a secret).
 *
 * @example
 * throw new WorkerError("UNKNOWN_STORE", `no store "${id}" in STORES; known: demo-store`);
 */
export class WorkerError extends AmsEdgeError<WorkerErrorCode> {
  /** The HTTP status this error is answered with. */
  readonly status: (typeof workerErrorStatus)[WorkerErrorCode];
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: WorkerErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string; headers?: Record<string, string> },
  ) {
    super(code, message, options);
    this.name = "WorkerError";
    this.status = workerErrorStatus[code];
    this.headers = options?.headers ?? {};
  }

  /** The `{ error: { code, message } }` body of the answer. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** True when `value` is a {@link WorkerError}, also when it crossed a realm. */
export function isWorkerError(value: unknown): value is WorkerError {
  return (
    value instanceof WorkerError ||
    (value instanceof Error &&
      value.name === "WorkerError" &&
      "code" in value &&
      typeof value.code === "string" &&
      value.code in workerErrorStatus)
  );
}
