import {
  NOTIFICATION_ERROR_STATUS,
  type NotificationErrorCode,
} from "../api/notification-error-codes.ts";
import { AmsEdgeError } from "../errors/ams-edge-error.ts";

export type { NotificationErrorCode } from "../api/notification-error-codes.ts";

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
    this.httpStatus = NOTIFICATION_ERROR_STATUS[code];
  }
}

/** True when `value` is a {@link NotificationError}, also across realms (compares `name`). */
export function isNotificationError(value: unknown): value is NotificationError {
  return (
    value instanceof NotificationError ||
    (value instanceof Error && value.name === "NotificationError" && "code" in value)
  );
}
