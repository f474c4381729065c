import {
  NOTIFICATION_ERROR_STATUS,
  type NotificationErrorCode,
} from "../api/notification-error-codes.ts";
import { AmsEdgeError } from "../errors/ams-edge-error.ts";
import type { SignatureCause } from "../signature/signature-cause.ts";

export type { NotificationErrorCode } from "../api/notification-error-codes.ts";

/** A notification that failed one of the checks of `verifyNotification`; it must not be acted on. */
export class NotificationError extends AmsEdgeError<NotificationErrorCode> {
  /** The HTTP status to answer the sender with (401, 405 or 413). */
  readonly httpStatus: number;
  /**
   * For `SIGNATURE_INVALID`: the most plausible reason, found cheaply (e.g. `BODY_RESERIALIZED`
   * when a body parser ran before verification, `PATH_MISMATCH`, `CLIENT_ID_WHITESPACE`,
   * `PUBLIC_KEY_NOT_SIGNERS`), also named in the message. Undefined for the other codes.
   */
  readonly signatureCause: SignatureCause | undefined;

  constructor(
    code: NotificationErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string; signatureCause?: SignatureCause | undefined },
  ) {
    super(code, message, options);
    this.name = "NotificationError";
    this.httpStatus = NOTIFICATION_ERROR_STATUS[code];
    this.signatureCause = options?.signatureCause;
  }
}

/** True when `value` is a {@link NotificationError}, also across realms (compares `name`). */
export function isNotificationError(value: unknown): value is NotificationError {
  return (
    value instanceof NotificationError ||
    (value instanceof Error && value.name === "NotificationError" && "code" in value)
  );
}
