import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/**
 * Stable codes of {@link NotificationError}, one per check of `verifyNotification`, in the order
 * they run.
 */
export type NotificationErrorCode =
  | "METHOD_NOT_ALLOWED"
  | "MISSING_HEADER"
  | "CLIENT_ID_MISMATCH"
  | "SIGNATURE_MALFORMED"
  | "ALGORITHM_UNSUPPORTED"
  | "BODY_TOO_LARGE"
  | "SIGNATURE_INVALID";

// The answer a receiver should give the sender for each failure: a signature problem is 401 (the
// provider will resend; nothing was changed), a request problem 4xx, never a 5xx. A body that
// fails to parse after the signature verified is not an error: it is kept and acknowledged.
const HTTP_STATUS: Record<NotificationErrorCode, number> = {
  METHOD_NOT_ALLOWED: 405,
  MISSING_HEADER: 401,
  CLIENT_ID_MISMATCH: 401,
  SIGNATURE_MALFORMED: 401,
  ALGORITHM_UNSUPPORTED: 401,
  BODY_TOO_LARGE: 413,
  SIGNATURE_INVALID: 401,
};

/** A notification that failed one of the checks of `verifyNotification`; it must not be acted on. */
export class NotificationError extends AmsEdgeError<NotificationErrorCode> {
  /** The HTTP status to answer the sender with (401, 405 or 413). */
  readonly httpStatus: number;

  constructor(
    code: NotificationErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(code, message, options);
    this.name = "NotificationError";
    this.httpStatus = HTTP_STATUS[code];
  }
}

/** True when `value` is a {@link NotificationError}, also across realms (compares `name`). */
export function isNotificationError(value: unknown): value is NotificationError {
  return (
    value instanceof NotificationError ||
    (value instanceof Error && value.name === "NotificationError" && "code" in value)
  );
}
