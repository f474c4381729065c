import { sameAmount } from "./amount-math.ts";
import { withMismatch } from "./apply-report.ts";
import {
  CLOSED_ORDER_CODES,
  cancelReasonOf,
  closeUnpaid,
  isClosedUnpaid,
  reverse,
} from "./close-payment.ts";
import type { CancelRequestedEvent, CancelResultEvent, CancelSentEvent } from "./payment-event.ts";
import type { PaymentState } from "./payment-state.ts";
import { throttledStreakAfter } from "./throttled-streak.ts";

/**
 * Cancelling still makes sense while open, for a paid payment (a reversal), and for a failed one
 * whose order may still be open.
 */
function cancellable(state: PaymentState): boolean {
  return (
    state.status === "creating" ||
    state.status === "awaiting_payment" ||
    state.status === "succeeded" ||
    (state.status === "failed" && state.closedBy === "failure")
  );
}

/** Records the merchant's wish to cancel; asking again changes nothing. */
export function applyCancelRequested(
  state: PaymentState,
  event: CancelRequestedEvent,
): PaymentState {
  const open = state.status === "creating" || state.status === "awaiting_payment";
  if ((!open && state.status !== "succeeded") || state.cancel.requestedAt !== null) return state;
  // A refusal answered an earlier, automatic cancel; the merchant's own cancel gets its own try.
  const outcome = state.cancel.outcome === "refused" ? "none" : state.cancel.outcome;
  return { ...state, cancel: { ...state.cancel, requestedAt: event.at, outcome } };
}

/** Marks a cancel as in flight; a send older than the last answer is stale. */
export function applyCancelSent(state: PaymentState, event: CancelSentEvent): PaymentState {
  const cancel = state.cancel;
  if (!cancellable(state)) return state;
  if (event.at <= (cancel.lastAt ?? Number.NEGATIVE_INFINITY)) return state;
  if (event.at < (cancel.sentAt ?? Number.NEGATIVE_INFINITY)) return state;
  const reason = cancel.requestedAt !== null ? "merchant" : event.reason;
  const outcome = cancel.outcome === "succeeded" ? cancel.outcome : "none";
  return { ...state, cancel: { ...cancel, inFlight: true, sentAt: event.at, reason, outcome } };
}

/**
 * Applies a cancel answer: `S` closes an unpaid payment by its reason or reverses a paid one;
 * `ORDER_IS_CLOSED` / `ORDER_NOT_EXIST` close an unpaid one; any other `F` is a refusal, which
 * lets a known success stand; `U` changes nothing but the counters (the cancel is retried).
 */
export function applyCancelResult(state: PaymentState, event: CancelResultEvent): PaymentState {
  const cancel = state.cancel;
  const fresh = event.at > (cancel.lastAt ?? Number.NEGATIVE_INFINITY);
  if (!fresh && event.resultStatus !== "S") return state;
  const closed = event.resultStatus === "F" && CLOSED_ORDER_CODES.has(event.resultCode);
  const outcome =
    event.resultStatus === "S"
      ? "succeeded"
      : event.resultStatus === "U"
        ? cancel.outcome
        : closed
          ? "closed"
          : "refused";
  const settled = fresh
    ? {
        ...cancel,
        reason: cancel.reason ?? cancelReasonOf(state, event.at),
        inFlight: cancel.inFlight && event.at < (cancel.sentAt ?? Number.NEGATIVE_INFINITY),
        attempts: cancel.attempts + 1,
        lastAt: event.at,
      }
    : cancel;
  const recorded =
    event.resultStatus === "U"
      ? settled
      : { ...settled, outcome: cancel.outcome === "succeeded" ? "succeeded" : outcome };
  const next: PaymentState = {
    ...state,
    cancel: { ...recorded, resultCode: fresh ? event.resultCode : cancel.resultCode },
    throttledStreak: fresh
      ? throttledStreakAfter(state, event.resultCode)
      : (state.throttledStreak ?? 0),
  };
  return applyCancelEffect(next, event, outcome);
}

function applyCancelEffect(
  state: PaymentState,
  event: CancelResultEvent,
  outcome: PaymentState["cancel"]["outcome"],
): PaymentState {
  const open = state.status === "creating" || state.status === "awaiting_payment";
  if (outcome === "succeeded") {
    if (state.status === "succeeded" || (open && state.paid !== null)) {
      return reverse(state, "cancel", event.at);
    }
    if (open) return closeUnpaid(state, "cancel", event.at, null);
    // A successful cancel also undoes any payment the close did not know about.
    if (isClosedUnpaid(state.status) && state.closedBy !== "cancel") {
      return { ...state, closedBy: "cancel", closedAt: event.at };
    }
    return state;
  }
  if (!open || event.resultStatus === "U") return state;
  if (outcome === "closed") {
    // With a known success, "closed" is ambiguous (maybe already reversed): the next inquiry tells.
    return state.paid === null
      ? closeUnpaid(state, "order_closed", event.at, event.resultCode)
      : state;
  }
  // A newer cancel still in flight could undo the payment: its own answer decides.
  if (outcome === "refused" && state.paid !== null && !state.cancel.inFlight) {
    const { paid } = state;
    if (!sameAmount(paid.amount, state.amount)) {
      return withMismatch(state, "amount", paid.amount, { source: paid.source, at: event.at });
    }
    return { ...state, status: "succeeded", resultCode: "SUCCESS" };
  }
  return state;
}
