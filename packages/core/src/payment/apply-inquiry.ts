import { parseTime } from "./amount-math.ts";
import { applyCancelledReport, applyFailure, applySuccess } from "./apply-report.ts";
import type { InquiryResultEvent } from "./payment-event.ts";
import type { InquiryObservation, PaymentState } from "./payment-state.ts";
import { throttledStreakAfter } from "./throttled-streak.ts";

function observe(event: InquiryResultEvent): InquiryObservation {
  if (event.resultStatus === "S") return event.paymentStatus ?? "UNKNOWN";
  if (event.resultStatus === "F" && event.resultCode === "ORDER_NOT_EXIST")
    return "ORDER_NOT_EXIST";
  return "UNKNOWN";
}

/**
 * Applies an inquiry answer. Counters move only for an answer newer than the last one, so a
 * repeated answer changes nothing; a late `SUCCESS`, `FAIL` or `CANCELLED` still counts as a fact.
 * A `SUCCESS` without an amount cannot be checked against the order and is treated as unclear.
 */
export function applyInquiry(state: PaymentState, event: InquiryResultEvent): PaymentState {
  const observation = observe(event);
  const fresh = event.at > (state.inquiry.lastAt ?? Number.NEGATIVE_INFINITY);
  const decisive =
    observation === "SUCCESS" || observation === "FAIL" || observation === "CANCELLED";
  if (!fresh && !decisive) return state;

  const next: PaymentState = fresh
    ? {
        ...state,
        inquiry: {
          attempts: state.inquiry.attempts + 1,
          lastAt: event.at,
          lastObservation: observation,
          notFoundStreak: observation === "ORDER_NOT_EXIST" ? state.inquiry.notFoundStreak + 1 : 0,
        },
        throttledStreak: throttledStreakAfter(state, event.resultCode),
      }
    : state;

  if (observation === "SUCCESS") {
    const amount = event.paymentAmount;
    if (amount === undefined || amount === null) return next;
    return applySuccess(next, {
      source: "inquiry",
      amount,
      paidAt: parseTime(event.paymentTime),
      resultCode: event.paymentResultCode ?? "SUCCESS",
      at: event.at,
    });
  }
  if (observation === "FAIL") {
    const resultCode = event.paymentResultCode ?? event.resultCode;
    return applyFailure(next, { source: "inquiry", resultCode, at: event.at });
  }
  if (observation === "CANCELLED") return applyCancelledReport(next, event.at);
  return next;
}
