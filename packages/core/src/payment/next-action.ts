import type { PaymentSchedule } from "./payment-schedule.ts";
import { DEFAULT_PAYMENT_SCHEDULE, scheduleDelay, throttledDelay } from "./payment-schedule.ts";
import type { CancelReason, PaymentState } from "./payment-state.ts";

/**
 * What to do next for a payment and when (`at`, epoch ms; an `at` in the past means now).
 * `cancel` carries the reason to pass on in the `cancel_sent` event.
 */
export type PaymentAction =
  | { type: "none" }
  | { type: "inquire"; at: number }
  | { type: "cancel"; at: number; reason: CancelReason }
  | { type: "retry_pay"; at: number };

const NONE: PaymentAction = Object.freeze({ type: "none" });

function inquire(at: number): PaymentAction {
  return { type: "inquire", at };
}

function cancelAt(at: number, reason: CancelReason): PaymentAction {
  return { type: "cancel", at, reason };
}

/** The scheduled delay, stretched while the gateway answers that we call too often. */
function slowed(delay: number, state: PaymentState, schedule: PaymentSchedule): number {
  return throttledDelay(delay, state.throttledStreak ?? 0, schedule);
}

function inquiryDelay(state: PaymentState, schedule: PaymentSchedule): number {
  const { inquiryDelaysMs, backoff, inquiryMaxDelayMs } = schedule;
  const delay = scheduleDelay(inquiryDelaysMs, state.inquiry.attempts, backoff, inquiryMaxDelayMs);
  return slowed(delay, state, schedule);
}

/** The next cancel attempt: wait for one in flight (up to the lease), else retry on schedule. */
function cancelStep(
  state: PaymentState,
  reason: CancelReason,
  schedule: PaymentSchedule,
): PaymentAction {
  const cancel = state.cancel;
  if (cancel.inFlight && cancel.sentAt !== null) {
    return cancelAt(cancel.sentAt + schedule.requestLeaseMs, reason);
  }
  const requestedAt = reason === "merchant" ? cancel.requestedAt : null;
  if (cancel.lastAt === null || (requestedAt !== null && cancel.lastAt < requestedAt)) {
    return cancelAt(requestedAt ?? cancel.sentAt ?? state.updatedAt, reason);
  }
  const { cancelDelaysMs, backoff, cancelMaxDelayMs } = schedule;
  const delay = scheduleDelay(cancelDelaysMs, cancel.attempts - 1, backoff, cancelMaxDelayMs);
  return cancelAt(cancel.lastAt + slowed(delay, state, schedule), reason);
}

/**
 * After a cancel whose effect is unclear (in flight, unanswered, or "closed" while a success is
 * known), an inquiry tells whether the payment still stands: first right after the answer, then
 * on the inquiry schedule.
 */
function inquireAfterCancel(state: PaymentState, schedule: PaymentSchedule): PaymentAction {
  const cancel = state.cancel;
  if (cancel.inFlight && cancel.sentAt !== null) {
    return inquire(cancel.sentAt + schedule.requestLeaseMs);
  }
  const answeredAt = cancel.lastAt ?? cancel.sentAt ?? state.updatedAt;
  const lastInquiry = state.inquiry.lastAt;
  if (lastInquiry === null || lastInquiry <= answeredAt) return inquire(answeredAt);
  return inquire(lastInquiry + inquiryDelay(state, schedule));
}

/** A paid payment only needs work for a merchant's reversal or an unclear earlier cancel. */
function afterSuccess(state: PaymentState, schedule: PaymentSchedule): PaymentAction {
  const cancel = state.cancel;
  if (cancel.outcome !== "none") return NONE;
  if (cancel.requestedAt !== null) return cancelStep(state, "merchant", schedule);
  if (cancel.reason === null) return NONE;
  const answeredAt = cancel.lastAt ?? cancel.sentAt ?? state.updatedAt;
  const lastInquiry = state.inquiry.lastAt;
  const observation = state.inquiry.lastObservation;
  const settled =
    !cancel.inFlight &&
    lastInquiry !== null &&
    lastInquiry > answeredAt &&
    observation !== "UNKNOWN" &&
    observation !== "ORDER_NOT_EXIST";
  return settled ? NONE : inquireAfterCancel(state, schedule);
}

/** A reported failure still leaves an order that could be paid later: close it once. */
function afterFailure(state: PaymentState, schedule: PaymentSchedule): PaymentAction {
  if (state.closedBy !== "failure" || state.cancel.outcome !== "none") return NONE;
  if (state.cancel.reason === null && !state.cancel.inFlight) {
    return cancelAt(state.closedAt ?? state.updatedAt, "failed");
  }
  return cancelStep(state, "failed", schedule);
}

/** Pay outcome unknown: re-send pay, then inquire; cancel once the order exists without a code. */
function whileCreating(state: PaymentState, now: number, schedule: PaymentSchedule): PaymentAction {
  const { pay, inquiry } = state;
  const resends = schedule.payResendDelaysMs.length;
  if (pay.lastAt === null) {
    const at = state.createdAt + schedule.requestLeaseMs;
    return resends > 0 ? { type: "retry_pay", at } : inquire(at);
  }
  const used = pay.attempts - 1;
  const resendDelay = schedule.payResendDelaysMs[used];
  if (used < resends && resendDelay !== undefined) {
    return { type: "retry_pay", at: pay.lastAt + slowed(resendDelay, state, schedule) };
  }
  if (now >= state.expiresAt) return cancelAt(state.expiresAt, "unknown_pay_result");
  const exists = inquiry.lastObservation === "PENDING" || inquiry.lastObservation === "PROCESSING";
  if (
    inquiry.lastAt !== null &&
    (exists || inquiry.notFoundStreak >= schedule.orderNotExistLimit)
  ) {
    return cancelAt(inquiry.lastAt, "unknown_pay_result");
  }
  const at = (inquiry.lastAt ?? pay.lastAt) + inquiryDelay(state, schedule);
  return at >= state.expiresAt ? cancelAt(state.expiresAt, "unknown_pay_result") : inquire(at);
}

/** Code issued: inquire on schedule until expiry, look once more at expiry, then cancel. */
function whileAwaiting(state: PaymentState, now: number, schedule: PaymentSchedule): PaymentAction {
  const { inquiry, expiresAt } = state;
  const base = inquiry.lastAt ?? state.pay.acceptedAt ?? state.createdAt;
  const at = base + inquiryDelay(state, schedule);
  // After a refused cancel only the provider can close it: keep asking until it reports a result.
  if (state.cancel.outcome === "refused") return inquire(at);
  if (at < expiresAt && now < expiresAt) return inquire(at);
  if (inquiry.lastAt === null || inquiry.lastAt < expiresAt) return inquire(expiresAt);
  return cancelAt(inquiry.lastAt, "expired");
}

/**
 * The next step for `state` at time `now`: `none` once nothing is left to do, otherwise one
 * `inquire`, `cancel` or `retry_pay` with the time to do it. Final states give `none`, except a
 * `succeeded` payment with a merchant's reversal or an earlier cancel still unclear, and a `failed`
 * one whose order has not been closed by a cancel yet.
 * Drive it with timers or alarms: act at `at`, feed the answer to {@link transition}, ask again.
 * Any other event (a notification) may arrive in between; just ask again after it.
 *
 * @example
 * const action = nextAction(state, Date.now());
 * if (action.type === "inquire") setAlarm(action.at);
 */
export function nextAction(
  state: PaymentState,
  now: number,
  schedule: PaymentSchedule = DEFAULT_PAYMENT_SCHEDULE,
): PaymentAction {
  switch (state.status) {
    case "failed":
      return afterFailure(state, schedule);
    case "cancelled":
    case "expired":
    case "reversed":
    case "mismatch":
      return NONE;
    case "succeeded":
      return afterSuccess(state, schedule);
    case "creating":
    case "awaiting_payment": {
      const cancel = state.cancel;
      const merchant = cancel.requestedAt !== null && cancel.outcome === "none";
      if (state.paid !== null) {
        return merchant
          ? cancelStep(state, "merchant", schedule)
          : inquireAfterCancel(state, schedule);
      }
      if (merchant) return cancelStep(state, "merchant", schedule);
      if (cancel.outcome === "none" && cancel.reason !== null) {
        return cancelStep(state, cancel.reason, schedule);
      }
      return state.status === "creating"
        ? whileCreating(state, now, schedule)
        : whileAwaiting(state, now, schedule);
    }
  }
}
