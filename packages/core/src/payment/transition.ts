import { parseTime } from "./amount-math.ts";
import { applyCancelRequested, applyCancelResult, applyCancelSent } from "./apply-cancel.ts";
import { applyInquiry } from "./apply-inquiry.ts";
import { applyPay } from "./apply-pay.ts";
import { applyFailure, applySuccess } from "./apply-report.ts";
import type { PaymentEvent } from "./payment-event.ts";
import { DEFAULT_PAYMENT_SCHEDULE, type PaymentSchedule } from "./payment-schedule.ts";
import type { PaymentState } from "./payment-state.ts";
import { sameData } from "./same-data.ts";
import { trackFollowUp } from "./track-follow-up.ts";

/** Events about another payment (a different request id or provider id) are ignored. */
function concernsPayment(state: PaymentState, event: PaymentEvent): boolean {
  if (!("paymentRequestId" in event) && !("paymentId" in event)) return true;
  const requestId = "paymentRequestId" in event ? event.paymentRequestId : undefined;
  if (requestId !== undefined && requestId !== state.paymentRequestId) return false;
  const paymentId = "paymentId" in event ? event.paymentId : undefined;
  if (typeof paymentId === "string" && paymentId !== "" && state.paymentId !== null) {
    return paymentId === state.paymentId;
  }
  return true;
}

function apply(state: PaymentState, event: PaymentEvent): PaymentState {
  switch (event.type) {
    case "pay_result":
    case "pay_error":
      return applyPay(state, event);
    case "notification":
      if (event.resultStatus === "S") {
        return applySuccess(state, {
          source: "notification",
          amount: event.paymentAmount,
          paidAt: parseTime(event.paymentTime),
          resultCode: event.resultCode,
          at: event.at,
        });
      }
      return applyFailure(state, {
        source: "notification",
        resultCode: event.resultCode,
        at: event.at,
      });
    case "inquiry_result":
      return applyInquiry(state, event);
    case "cancel_requested":
      return applyCancelRequested(state, event);
    case "cancel_sent":
      return applyCancelSent(state, event);
    case "cancel_result":
      return applyCancelResult(state, event);
  }
}

function adoptPaymentId(state: PaymentState, event: PaymentEvent): PaymentState {
  if (state.paymentId !== null || !("paymentId" in event)) return state;
  const paymentId = event.paymentId;
  return typeof paymentId === "string" && paymentId !== "" ? { ...state, paymentId } : state;
}

const EVENT_TYPES: ReadonlySet<string> = new Set([
  "pay_result",
  "pay_error",
  "notification",
  "inquiry_result",
  "cancel_requested",
  "cancel_sent",
  "cancel_result",
]);

/**
 * The state after `event`. Pure: `state` is never modified. When the event changes nothing (a
 * repeat, a stale answer, an event about another payment, anything after a final state that
 * tells nothing new) the very same `state` object is returned; otherwise `version` goes up by one
 * and `updatedAt` moves to the event time. `schedule` gives the limits of the follow-up loops: an
 * answer that brings a loop to its limit with the outcome still unclear sets `attention`, and a
 * clear answer lifts it (pass the schedule given to {@link nextAction}).
 *
 * @example
 * let state = createPayment({ paymentRequestId: "order-1001", scenario: "OrderCode",
 *   amount: { currency: "USD", value: "599" }, createdAt: t0, expiresAt: t0 + 600_000 });
 * state = transition(state, { type: "pay_result", at: t0 + 300, status: "S",
 *   resultCode: "SUCCESS", paymentId: "2024..." });
 * state.status; // "awaiting_payment"
 */
export function transition(
  state: PaymentState,
  event: PaymentEvent,
  schedule: PaymentSchedule = DEFAULT_PAYMENT_SCHEDULE,
): PaymentState {
  if (typeof event !== "object" || event === null || !EVENT_TYPES.has(event.type)) {
    throw new TypeError(
      `transition: expected a payment event with a known "type", got ${JSON.stringify(event)}.`,
    );
  }
  if (!Number.isFinite(event.at)) {
    throw new TypeError(`transition: expected "at" in epoch ms on ${event.type}, got ${event.at}.`);
  }
  if (!concernsPayment(state, event)) return state;
  const applied = adoptPaymentId(apply(state, event), event);
  if (applied === state) return state;
  const candidate = trackFollowUp(state, applied, event, schedule);
  if (sameData(candidate, state)) return state;
  return {
    ...candidate,
    version: state.version + 1,
    updatedAt: Math.max(state.updatedAt, event.at),
  };
}
