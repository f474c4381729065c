import { AmsEdgeError, isAmsEdgeError } from "@ams-edge/core";

/**
 * Why a call to the Worker failed:
 * - `NETWORK`: the request never got an answer (offline, DNS, CORS, connection reset);
 * - `TIMEOUT`: no answer within the client's `timeoutMs`;
 * - `HTTP_STATUS`: the Worker answered with a 4xx or 5xx (see `status` and `serverCode`);
 * - `RESPONSE_MALFORMED`: a 2xx whose body is not the JSON the Worker HTTP API promises;
 * - `UNEXPECTED`: something else threw (e.g. the `apiKey` function); see `cause`.
 */
export type WorkerApiErrorCode =
  | "NETWORK"
  | "TIMEOUT"
  | "HTTP_STATUS"
  | "RESPONSE_MALFORMED"
  | "UNEXPECTED";

/** Details of a {@link WorkerApiError}: the HTTP status, the Worker's `error.code`, the cause. */
export interface WorkerApiErrorOptions {
  status?: number | undefined;
  serverCode?: string | undefined;
  cause?: unknown;
}

/** A failed call to the ams-edge Worker, with the HTTP status and the Worker's own error code. */
export class WorkerApiError extends AmsEdgeError<WorkerApiErrorCode> {
  /** The HTTP status, or null when no response arrived. */
  declare readonly status: number | null;
  /** The Worker's `error.code` (a `WorkerErrorCode`, e.g. `"PAYMENT_NOT_FOUND"`), or null when the body carried none. */
  declare readonly serverCode: string | null;

  constructor(code: WorkerApiErrorCode, message: string, options: WorkerApiErrorOptions = {}) {
    super(code, message, options);
    this.name = "WorkerApiError";
    this.status = options.status ?? null;
    this.serverCode = options.serverCode ?? null;
  }

  /** True when trying again later may succeed (no answer, a timeout, 408, 429 or a 5xx). */
  get transient(): boolean {
    const status = this.status ?? 0;
    return (
      this.code === "NETWORK" ||
      this.code === "TIMEOUT" ||
      status === 408 ||
      status === 429 ||
      status > 499
    );
  }
}

/** True when `value` is a {@link WorkerApiError}, also one made by another copy of this package. */
export function isWorkerApiError(value: unknown): value is WorkerApiError {
  return isAmsEdgeError(value) && value.name === "WorkerApiError";
}

/** `error` itself when it is an {@link AmsEdgeError}, else a `WorkerApiError` `UNEXPECTED` around it. */
export function toAmsEdgeError(error: unknown): AmsEdgeError {
  return isAmsEdgeError(error)
    ? error
    : new WorkerApiError("UNEXPECTED", `${error}`, {
        cause: error,
      });
}
