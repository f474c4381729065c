import { nextAction } from "./next-action.ts";
import type { PaymentEvent } from "./payment-event.ts";
import type { PaymentSchedule } from "./payment-schedule.ts";
import type { AttentionReason, FollowUpCounts, PaymentState } from "./payment-state.ts";

const ZERO: FollowUpCounts = Object.freeze({ cancels: 0, inquiries: 0 });

/** The follow-up counts of `state` (states stored before they existed count from 0). */
export function followUpOf(state: PaymentState): FollowUpCounts {
  return state.followUp ?? ZERO;
}

/** True when `after` learnt something definite from `event`: what lifts an attention flag. */
function isClearAnswer(before: PaymentState, after: PaymentState, event: PaymentEvent): boolean {
  if (after.status !== before.status) return true;
  switch (event.type) {
    case "inquiry_result": {
      if (after.inquiry.lastAt === before.inquiry.lastAt) return false;
      const seen = after.inquiry.lastObservation;
      if (seen === "SUCCESS")
        return event.paymentAmount !== undefined && event.paymentAmount !== null;
      return seen !== "UNKNOWN" && seen !== "ORDER_NOT_EXIST" && seen !== null;
    }
    case "cancel_result":
    case "pay_result":
      return event.type === "cancel_result"
        ? event.resultStatus !== "U" && after.cancel.lastAt !== before.cancel.lastAt
        : event.status !== "U" && after.pay.lastAt !== before.pay.lastAt;
    default:
      return false;
  }
}

/** The counts after `event`: fresh cancel and inquiry answers move them. */
function countsAfter(
  before: PaymentState,
  after: PaymentState,
  event: PaymentEvent,
): FollowUpCounts {
  const counts = followUpOf(before);
  if (event.type === "cancel_result" && after.cancel.lastAt !== before.cancel.lastAt) {
    return { cancels: event.resultStatus === "U" ? counts.cancels + 1 : 0, inquiries: 0 };
  }
  if (
    event.type === "inquiry_result" &&
    after.inquiry.lastAt !== before.inquiry.lastAt &&
    after.cancel.lastAt !== null
  ) {
    return { ...counts, inquiries: counts.inquiries + 1 };
  }
  return counts;
}

/** The loop that reached its limit in `state`, or null while every loop may go on. */
function limitReached(
  state: PaymentState,
  now: number,
  schedule: PaymentSchedule,
): AttentionReason | null {
  const action = nextAction(state, now, schedule);
  if (action.type === "none") return null;
  if ((state.throttledStreak ?? 0) >= schedule.throttledLimit) return "RATE_LIMITED";
  const counts = followUpOf(state);
  if (action.type === "cancel" && counts.cancels >= schedule.cancelAttemptLimit) {
    return state.status === "creating" ? "OUTCOME_UNKNOWN" : "CANCEL_UNANSWERED";
  }
  if (action.type === "inquire" && counts.inquiries >= schedule.followUpInquiryLimit) {
    return state.cancel.outcome === "refused" ? "CANCEL_REFUSED" : "OUTCOME_UNKNOWN";
  }
  return null;
}

/**
 * `after` (the state `event` led to from `before`) with its follow-up counted: the counts move
 * with fresh cancel and inquiry answers; a loop that reaches its limit in `schedule` while it
 * still wants to go on raises the attention flag (since `event.at`), after which
 * {@link nextAction} schedules nothing; a clear answer lifts the flag and starts the counts again.
 */
export function trackFollowUp(
  before: PaymentState,
  after: PaymentState,
  event: PaymentEvent,
  schedule: PaymentSchedule,
): PaymentState {
  const flagged = before.attention ?? null;
  if (flagged !== null && isClearAnswer(before, after, event)) {
    return { ...after, followUp: ZERO, attention: null };
  }
  const counts = countsAfter(before, after, event);
  // States stored before the counts existed keep their shape until a count moves.
  const counted: PaymentState =
    counts === followUpOf(before) && before.followUp === undefined
      ? after
      : { ...after, followUp: counts };
  if (flagged !== null) return counted;
  const now = Math.max(after.updatedAt, event.at);
  const reason = limitReached({ ...counted, attention: null }, now, schedule);
  return reason === null ? counted : { ...counted, attention: { reason, since: event.at } };
}
