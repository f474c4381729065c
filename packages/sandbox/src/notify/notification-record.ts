import type { FaultKind } from "../faults/fault-rule.ts";

/** How one delivery attempt ended. */
export type AttemptOutcome =
  /** HTTP 200 with `result.resultStatus` `S`: delivery stops. */
  | "acknowledged"
  /** An answer that is not an acknowledgement (another status, or another body). */
  | "not-acknowledged"
  /** No answer: connection refused, reset or timed out. */
  | "network-error"
  /** Never sent: a `drop-notification` fault swallowed it. */
  | "dropped"
  /** Cut short because the sandbox closed. */
  | "cancelled";

/** One delivery attempt of a notification, and the merchant's answer. */
export interface NotificationAttempt {
  /** 1, 2, 3... in the order attempts were made (duplicates count). */
  readonly attempt: number;
  /** Which slot of the resend schedule it belongs to (1 to 8). */
  readonly slot: number;
  /** When the schedule called for it (ISO 8601, UTC, milliseconds). */
  readonly scheduledAt: string;
  /** When it was sent, or `null` if it was not. */
  readonly sentAt: string | null;
  /** The `request-time` header sent. */
  readonly requestTime: string | null;
  readonly outcome: AttemptOutcome;
  /** The HTTP status answered, if any. */
  readonly httpStatus: number | null;
  /** The body answered (first 4096 characters), if any. */
  readonly responseBody: string | null;
  /** What went wrong on the network, if anything. */
  readonly error: string | null;
  /** Faults applied to this attempt. */
  readonly faults: readonly FaultKind[];
}

/** A notification the sandbox sends, with every attempt so far. */
export interface NotificationRecord {
  /** `ntf-1`, `ntf-2`, ... */
  readonly notificationId: string;
  readonly notifyType: "PAYMENT_RESULT";
  readonly clientId: string;
  readonly paymentId: string;
  readonly paymentRequestId: string;
  readonly notifyUrl: string;
  /** The exact JSON body sent on every attempt. */
  readonly body: string;
  readonly createdAt: string;
  /** True once an attempt was acknowledged. */
  readonly acknowledged: boolean;
  /** When the next attempt is due, or `null` when none is (acknowledged, exhausted or closed). */
  readonly nextAttemptAt: string | null;
  readonly attempts: readonly NotificationAttempt[];
}
