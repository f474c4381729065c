import type * as v from "valibot";
import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/** Stable codes of {@link RequestError}. */
export type RequestErrorCode =
  | "REQUEST_ID_EMPTY"
  | "REQUEST_ID_TOO_LONG"
  | "REQUEST_ID_INVALID_CHARACTERS"
  | "EXPIRY_INVALID"
  | "EXPIRY_NOT_IN_FUTURE"
  | "EXPIRY_TOO_FAR"
  | "USER_AGENT_REQUIRED"
  | "REQUEST_INVALID";

/**
 * A request we were asked to build would be rejected by the provider. `path` is the dotted wire
 * path of the offending field (`"order.env.userAgent"`); `issues` holds valibot's issues when the
 * schema found the problem.
 */
export class RequestError extends AmsEdgeError<RequestErrorCode> {
  /** Dotted wire path of the offending field, e.g. `"paymentExpiryTime"`; `""` for the root. */
  readonly path: string;
  /** valibot's issues, when the request schema reported the problem. */
  readonly issues: readonly v.BaseIssue<unknown>[];

  constructor(
    code: RequestErrorCode,
    path: string,
    message: string,
    options?: { cause?: unknown; hint?: string; issues?: readonly v.BaseIssue<unknown>[] },
  ) {
    super(code, message, options);
    this.name = "RequestError";
    this.path = path;
    this.issues = options?.issues ?? [];
  }
}
