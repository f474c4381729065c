import type { CancelReason, ClosedBy, PaymentState, PaymentStatus } from "./payment-state.ts";

/** Result codes meaning "there is nothing left to close": the order is closed or unknown. */
export const CLOSED_ORDER_CODES: ReadonlySet<string> = new Set([
  "ORDER_IS_CLOSED",
  "ORDER_NOT_EXIST",
]);

/**
 * Why the payment is (or was) being cancelled. Without a recorded reason, a failed payment is
 * closed because it failed, a close before the pay answer is blamed on the unknown pay outcome, a close at or after expiry on expiry, and any
 * other close on the merchant (someone closed it on purpose).
 */
export function cancelReasonOf(state: PaymentState, at: number): CancelReason {
  if (state.cancel.requestedAt !== null) return "merchant";
  if (state.cancel.reason !== null) return state.cancel.reason;
  if (state.status === "failed") return "failed";
  if (state.status === "creating") return "unknown_pay_result";
  return at >= state.expiresAt ? "expired" : "merchant";
}

const STATUS_BY_REASON: Record<CancelReason, PaymentStatus> = {
  merchant: "cancelled",
  expired: "expired",
  unknown_pay_result: "failed",
  failed: "failed",
};

/**
 * An open, unpaid payment closed by `by`; its final status follows the cancel reason. A closing
 * code (e.g. `ORDER_IS_CLOSED`) replaces the result code; without one the last code stays.
 */
export function closeUnpaid(
  state: PaymentState,
  by: ClosedBy,
  at: number,
  resultCode: string | null,
): PaymentState {
  const status = STATUS_BY_REASON[cancelReasonOf(state, at)];
  return {
    ...state,
    status,
    closedBy: by,
    closedAt: at,
    resultCode: resultCode ?? state.resultCode,
  };
}

/** A paid payment that a cancel undid: `reversed`, keeping what was paid. */
export function reverse(state: PaymentState, by: ClosedBy, at: number): PaymentState {
  const paid = state.paid;
  if (paid === null) return state;
  return {
    ...state,
    status: "reversed",
    closedBy: by,
    closedAt: at,
    paidThenCancelled: { amount: paid.amount, paidAt: paid.paidAt, cancelledAt: at },
  };
}

/** True when a cancel was asked for or sent and has no definitive answer yet. */
export function cancelPending(state: PaymentState): boolean {
  const cancel = state.cancel;
  return cancel.outcome === "none" && (cancel.requestedAt !== null || cancel.reason !== null);
}

/** True for `failed`, `cancelled` and `expired`: closed without a known payment. */
export function isClosedUnpaid(status: PaymentStatus): boolean {
  return status === "failed" || status === "cancelled" || status === "expired";
}
