import type { PayErrorEvent, PayResultEvent } from "./payment-event.ts";
import type { PaymentState } from "./payment-state.ts";
import { throttledStreakAfter } from "./throttled-streak.ts";

/**
 * Applies a pay answer. Only `S` can move `creating` on (to `awaiting_payment`), only `F` can
 * fail it; `U` and transport errors leave the outcome unknown for a re-send or an inquiry. An
 * answer older than the last one only matters when it is an `S` (it carries the code).
 */
export function applyPay(state: PaymentState, event: PayResultEvent | PayErrorEvent): PaymentState {
  const status = event.type === "pay_error" ? "U" : event.status;
  const resultCode = event.type === "pay_error" ? event.errorCode : event.resultCode;
  const fresh = event.at > (state.pay.lastAt ?? Number.NEGATIVE_INFINITY);
  if (!fresh && status !== "S") return state;

  const acceptedAt = status === "S" ? (state.pay.acceptedAt ?? event.at) : state.pay.acceptedAt;
  const pay = fresh
    ? { attempts: state.pay.attempts + 1, lastAt: event.at, lastStatus: status, acceptedAt }
    : { ...state.pay, acceptedAt };
  const throttledStreak = fresh
    ? throttledStreakAfter(state, resultCode)
    : (state.throttledStreak ?? 0);
  let next: PaymentState = { ...state, pay, throttledStreak };

  if (event.type === "pay_result" && status === "S") {
    next = {
      ...next,
      code: state.code ?? event.code ?? null,
      redirectUrl: state.redirectUrl ?? event.redirectUrl ?? null,
    };
    // "Code issued" says nothing about the payment itself: no result code yet.
    if (state.status === "creating")
      next = { ...next, status: "awaiting_payment", resultCode: null };
    return next;
  }
  if (state.status !== "creating") return next;
  if (status === "F" && state.paid === null) {
    return { ...next, status: "failed", closedBy: "pay_rejected", closedAt: event.at, resultCode };
  }
  return status === "U" ? { ...next, resultCode } : next;
}
