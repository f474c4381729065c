import type { AttentionReason } from "../api/attention.ts";
import type { PaymentScenario, PaymentStatus } from "../api/payment-status.ts";

/** An amount in minor units as on the wire: `{ currency: "USD", value: "599" }` is USD 5.99. */
export interface PaymentAmount {
  /** ISO 4217 code, e.g. `"USD"`. */
  currency: string;
  /** Whole minor units as a decimal string, e.g. `"599"`. */
  value: string;
}

// The statuses, scenarios and attention reasons are part of the Worker's API contract, defined
// once there.
export type { AttentionReason } from "../api/attention.ts";
export type { PaymentScenario, PaymentStatus } from "../api/payment-status.ts";

/**
 * A payment a person has to look at: a follow-up loop reached its limit with the outcome still
 * unclear, so nothing more is scheduled for it. A flag beside the status, not a status.
 */
export interface AttentionRecord {
  /** Why, as a stable code. */
  reason: AttentionReason;
  /** When the loop reached its limit (or the flag was raised), epoch ms. */
  since: number;
}

/**
 * How far the follow-up loops have run, for their limits (see `PaymentSchedule`). Reset when a
 * clear answer lifts the attention flag.
 */
export interface FollowUpCounts {
  /** Cancel answers in a row that were unclear (`U` or a transport error). */
  cancels: number;
  /** Inquiries answered since the last cancel answer (only counted once a cancel was answered). */
  inquiries: number;
}

/**
 * Why a cancel is sent: the merchant asked, the payment expired, pay never gave a usable answer,
 * or the payment failed (PROTOCOL §7: close the order so that it cannot be paid later).
 */
export type CancelReason = "expired" | "merchant" | "unknown_pay_result" | "failed";

/**
 * What the last answered cancel said: `none` (not answered definitively yet), `succeeded`
 * (closed or reversed), `closed` (the order was already closed or never existed), `refused`
 * (any other business failure, e.g. `CANCEL_WINDOW_EXCEED`).
 */
export type CancelOutcome = "none" | "succeeded" | "closed" | "refused";

/** The payment status an inquiry reported, plus `ORDER_NOT_EXIST` and `UNKNOWN` (U or transport error). */
export type InquiryObservation =
  | "SUCCESS"
  | "FAIL"
  | "PROCESSING"
  | "CANCELLED"
  | "PENDING"
  | "ORDER_NOT_EXIST"
  | "UNKNOWN";

/** The order code a pay call issued (Order Code scenario). */
export interface PaymentCode {
  /** The value to render, e.g. `https://gqr.alipay.com/...` for a QR code. */
  value: string;
  /** How the value is meant to be rendered. */
  type: "QRCODE" | "BARCODE";
  /** When the code stops being payable, epoch ms, or `null` when the gateway did not say. */
  expiresAt: number | null;
}

/**
 * How an unpaid payment was closed; decides what a success arriving afterwards means.
 * `pay_rejected`: pay answered `F`, so no order exists; `failure`: the provider reported the
 * payment failed (the order still gets a cancel).
 */
export type ClosedBy = "cancel" | "provider_cancel" | "order_closed" | "failure" | "pay_rejected";

/** A verified success whose amount and currency equal the order's. */
export interface PaidRecord {
  /** Which report proved it. */
  source: "notification" | "inquiry";
  /** The amount the provider reported (equal to the order amount). */
  amount: PaymentAmount;
  /** The provider's payment time, epoch ms, or `null` when absent or unreadable. */
  paidAt: number | null;
  /** When the report was received, epoch ms. */
  reportedAt: number;
}

/** A payment that was paid and then cancelled: the money goes back to the customer. */
export interface PaidThenCancelledRecord {
  /** The amount the provider reported as paid. */
  amount: PaymentAmount;
  /** The provider's payment time, epoch ms, or `null` when unknown. */
  paidAt: number | null;
  /** When the cancel (or a report of it) was received, epoch ms. */
  cancelledAt: number;
}

/** Why a payment needs a person instead of being shown as paid. */
export interface MismatchRecord {
  /**
   * `amount`: a success for a different amount or currency; `success_after_close`: a success
   * after the payment had failed or was closed without a cancel; `conflicting_results`: a failure
   * reported for a payment whose success was already known.
   */
  reason: "amount" | "success_after_close" | "conflicting_results";
  /** The order amount. */
  expected: PaymentAmount;
  /** The amount the provider reported, or `null` for a failure report. */
  received: PaymentAmount | null;
  /** Which report caused it. */
  source: "notification" | "inquiry";
  /** When that report was received, epoch ms. */
  at: number;
}

/**
 * Everything the state machine knows about one payment. Plain JSON data: store it as is and
 * feed it back to {@link transition} and {@link nextAction}. Timestamps are epoch milliseconds.
 */
export interface PaymentState {
  /** The merchant's id for the payment, also the pay idempotency key. */
  paymentRequestId: string;
  /** The provider's id, once any answer carried it. */
  paymentId: string | null;
  /** Order Code or Entry Code. */
  scenario: PaymentScenario;
  /** The order amount in minor units. */
  amount: PaymentAmount;
  /** Where the payment stands. */
  status: PaymentStatus;
  /** Bumped by one on every change; equal versions mean equal states. */
  version: number;
  /** When the payment was created. */
  createdAt: number;
  /** When the state last changed (the latest event time seen). */
  updatedAt: number;
  /** When the payment stops being payable (`paymentExpiryTime`). */
  expiresAt: number;
  /** The order code issued by pay (Order Code). */
  code: PaymentCode | null;
  /** The URL the wallet is sent to (Entry Code). */
  redirectUrl: string | null;
  /** The last result code that explains the status, e.g. `USER_BALANCE_NOT_ENOUGH`. */
  resultCode: string | null;
  /** Pay calls answered so far (the first pay and any re-sends). */
  pay: {
    attempts: number;
    lastAt: number | null;
    lastStatus: "S" | "F" | "U" | null;
    acceptedAt: number | null;
  };
  /** Inquiries answered so far. */
  inquiry: {
    attempts: number;
    lastAt: number | null;
    lastObservation: InquiryObservation | null;
    /** Consecutive `ORDER_NOT_EXIST` answers, reset by any other answer. */
    notFoundStreak: number;
  };
  /** Cancel intent, calls and outcome. */
  cancel: {
    /** When the merchant asked to cancel, or `null`. */
    requestedAt: number | null;
    /** Why the last cancel was sent, or `null` when none was sent. */
    reason: CancelReason | null;
    /** A cancel was sent and has not been answered yet. */
    inFlight: boolean;
    sentAt: number | null;
    attempts: number;
    lastAt: number | null;
    outcome: CancelOutcome;
    resultCode: string | null;
  };
  /**
   * Pay, inquiry and cancel answers in a row that said `REQUEST_TRAFFIC_EXCEED_LIMIT`; any other
   * fresh answer resets it. Each one doubles the next scheduled delay, up to the schedule's
   * `throttledMaxDelayMs`. Absent from states stored before it existed: read as 0.
   */
  throttledStreak?: number;
  /** The follow-up loops' progress towards their limits. Absent from older states: read as 0. */
  followUp?: FollowUpCounts;
  /**
   * Set when a follow-up loop reached its limit with the outcome unclear: nothing more is
   * scheduled until a clear answer (an inquiry, a notification) lifts it. `null` otherwise;
   * absent from states stored before it existed: read as `null`.
   */
  attention?: AttentionRecord | null;
  /** How an unpaid final state was reached, or `null`. */
  closedBy: ClosedBy | null;
  /** When it was closed, or `null`. */
  closedAt: number | null;
  /** The verified success, once known (also while it waits on a pending cancel). */
  paid: PaidRecord | null;
  /** Set when status is `reversed`. */
  paidThenCancelled: PaidThenCancelledRecord | null;
  /** Set when status is `mismatch`. */
  mismatch: MismatchRecord | null;
}

/** Statuses no event moves back to an open status. */
export const FINAL_STATUSES: readonly PaymentStatus[] = Object.freeze([
  "succeeded",
  "failed",
  "cancelled",
  "expired",
  "reversed",
  "mismatch",
] as const);

/**
 * The only moves allowed out of a final status, each to another final status that tells more:
 * a paid payment later cancelled is `reversed`; an unpaid close followed by a success is
 * `reversed` when a cancel closed it and `mismatch` (needs a person) otherwise.
 */
export const FINAL_REFINEMENTS: Readonly<Partial<Record<PaymentStatus, readonly PaymentStatus[]>>> =
  Object.freeze({
    succeeded: Object.freeze(["reversed"] as const),
    failed: Object.freeze(["reversed", "mismatch"] as const),
    cancelled: Object.freeze(["reversed", "mismatch"] as const),
    expired: Object.freeze(["reversed", "mismatch"] as const),
  });

/** True for a status that never returns to `creating` or `awaiting_payment`. */
export function isFinalStatus(status: PaymentStatus): boolean {
  return status !== "creating" && status !== "awaiting_payment";
}
