import { sameAmount } from "./amount-math.ts";
import { cancelPending, closeUnpaid, isClosedUnpaid, reverse } from "./close-payment.ts";
import type { PaymentAmount, PaymentState } from "./payment-state.ts";

/** Where a report about the payment itself came from. */
export type ReportSource = "notification" | "inquiry";

/** What a success report says. */
export interface SuccessReport {
  source: ReportSource;
  amount: PaymentAmount;
  paidAt: number | null;
  resultCode: string;
  at: number;
}

/**
 * A success is held back (recorded, not shown) while a cancel may still undo it: one is in flight,
 * or asked for or sent without a definitive answer, or answered "closed" ambiguously. An inquiry
 * made after an unclear cancel answer settles it: the payment stands. A merchant's cancel keeps
 * it held until the cancel is answered, since the merchant asked for the money to go back.
 */
function mustHold(state: PaymentState, report: SuccessReport): boolean {
  const cancel = state.cancel;
  if (cancel.inFlight) return true;
  const pending = cancelPending(state);
  if (!pending && cancel.outcome !== "closed") return false;
  if (report.source !== "inquiry") return true;
  if (pending && cancel.requestedAt !== null) return true;
  return report.at <= (cancel.lastAt ?? Number.NEGATIVE_INFINITY);
}

/** Applies a verified success (an `S` notification or an inquiry `SUCCESS`). */
export function applySuccess(state: PaymentState, report: SuccessReport): PaymentState {
  const { status } = state;
  if (status === "succeeded" || status === "reversed" || status === "mismatch") return state;
  const received = { currency: report.amount.currency, value: report.amount.value };
  if (isClosedUnpaid(status)) {
    // A cancel (ours or the provider's) undoes whatever was paid before it; any other close
    // contradicts a success and needs a person.
    if (state.closedBy === "cancel" || state.closedBy === "provider_cancel") {
      const cancelledAt = state.closedAt ?? report.at;
      return {
        ...state,
        status: "reversed",
        paidThenCancelled: { amount: received, paidAt: report.paidAt, cancelledAt },
      };
    }
    return withMismatch(state, "success_after_close", received, report);
  }
  const paid = state.paid ?? {
    source: report.source,
    amount: received,
    paidAt: report.paidAt,
    reportedAt: report.at,
  };
  // A cancel that may still undo the payment decides first, whatever the amount: if it goes
  // through, the money went back (reversed); if it is refused, a wrong amount is a mismatch.
  if (mustHold(state, report)) return { ...state, paid };
  if (!sameAmount(received, state.amount)) return withMismatch(state, "amount", received, report);
  return { ...state, status: "succeeded", paid, resultCode: report.resultCode };
}

export function withMismatch(
  state: PaymentState,
  reason: "amount" | "success_after_close" | "conflicting_results",
  received: PaymentAmount | null,
  report: { source: ReportSource; at: number },
): PaymentState {
  return {
    ...state,
    status: "mismatch",
    mismatch: {
      reason,
      expected: state.amount,
      received,
      source: report.source,
      at: report.at,
    },
  };
}

/**
 * Applies a failure report (an `F` notification or an inquiry `FAIL`). `ORDER_IS_CLOSED` is an
 * unpaid close rather than a customer's failure.
 */
export function applyFailure(
  state: PaymentState,
  report: { source: ReportSource; resultCode: string; at: number },
): PaymentState {
  if (state.status !== "creating" && state.status !== "awaiting_payment") return state;
  if (state.paid !== null) return withMismatch(state, "conflicting_results", null, report);
  if (report.resultCode === "ORDER_IS_CLOSED") {
    return closeUnpaid(state, "order_closed", report.at, report.resultCode);
  }
  return {
    ...state,
    status: "failed",
    closedBy: "failure",
    closedAt: report.at,
    resultCode: report.resultCode,
  };
}

/** Applies an inquiry saying the payment was cancelled (by us or anyone else). */
export function applyCancelledReport(state: PaymentState, at: number): PaymentState {
  const { status } = state;
  if (status === "succeeded") return reverse(state, "provider_cancel", at);
  if (isClosedUnpaid(status)) {
    const cancelled = state.closedBy === "cancel" || state.closedBy === "provider_cancel";
    return cancelled ? state : { ...state, closedBy: "provider_cancel", closedAt: at };
  }
  if (status !== "creating" && status !== "awaiting_payment") return state;
  if (state.paid !== null) return reverse(state, "provider_cancel", at);
  return closeUnpaid(state, "provider_cancel", at, null);
}
