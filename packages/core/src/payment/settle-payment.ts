import { createPayment } from "./create-payment.ts";
import { nextAction, type PaymentAction } from "./next-action.ts";
import { nextEventTime } from "./next-event-time.ts";
import type { PaymentEvent } from "./payment-event.ts";
import { type PaymentSchedule, resolvePaymentSchedule } from "./payment-schedule.ts";
import type { PaymentAmount, PaymentScenario, PaymentState } from "./payment-state.ts";
import {
  type GatewayResult,
  toCancelEvent,
  toInquiryEvent,
  toPayEvent,
  toTransportErrorEvent,
} from "./result-events.ts";
import { transition } from "./transition.ts";

/** The calls {@link settlePayment} makes; an `AmsClient` fits as is. */
export interface SettlementClient {
  inquiryPayment(ids: { paymentRequestId: string }): Promise<GatewayResult>;
  cancel(ids: { paymentRequestId: string }): Promise<GatewayResult>;
}

/** Which payment to settle. */
export interface SettlementIds {
  paymentRequestId: string;
  paymentId?: string;
}

/** Options of {@link settlePayment}. */
export interface SettlePaymentOptions {
  /** The order amount in minor units; a success for any other amount is a `mismatch`. */
  amount: PaymentAmount;
  /** The `paymentExpiryTime` sent with pay, epoch ms. Ignored, like `amount`, with `state`. */
  expiresAt: number;
  /** Defaults to `"OrderCode"`. */
  scenario?: PaymentScenario;
  /** Start from this stored state instead of a payment whose pay was just accepted. */
  state?: PaymentState;
  /** Overrides of {@link DEFAULT_PAYMENT_SCHEDULE}. */
  schedule?: Partial<PaymentSchedule>;
  /** Stops settling: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The clock, epoch ms. Defaults to `Date.now`. */
  now?: () => number;
  /** Waits `ms`; must return early once `signal` aborts. Defaults to `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called after every change, e.g. to store the state. */
  onTransition?: (state: PaymentState, event: PaymentEvent, previous: PaymentState) => void;
  /** Lets outside events in (verified notifications, a merchant's `cancel_requested`). */
  subscribe?: (deliver: (event: PaymentEvent) => void) => () => void;
  /** Re-sends the original pay request; without it an unclear pay is settled by inquiries. */
  resendPay?: () => Promise<GatewayResult>;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

function initialState(
  ids: SettlementIds,
  options: SettlePaymentOptions,
  now: number,
): PaymentState {
  if (options.state !== undefined) {
    if (options.state.paymentRequestId !== ids.paymentRequestId) {
      throw new TypeError(
        `settlePayment: options.state is for "${options.state.paymentRequestId}", not "${ids.paymentRequestId}".`,
      );
    }
    return options.state;
  }
  // The pay call was accepted before settling starts; an already expired payment still settles.
  const createdAt = Math.min(now, options.expiresAt - 1);
  const created = createPayment({
    paymentRequestId: ids.paymentRequestId,
    scenario: options.scenario ?? "OrderCode",
    amount: options.amount,
    createdAt,
    expiresAt: options.expiresAt,
    paymentId: ids.paymentId ?? null,
  });
  return transition(created, {
    type: "pay_result",
    at: createdAt,
    status: "S",
    resultCode: "SUCCESS",
  });
}

/**
 * Follows a payment to a final state with timers: inquires on schedule, cancels at expiry,
 * retries unclear cancels, and returns the final state (`succeeded`, `failed`, `cancelled`,
 * `expired`, `reversed` or `mismatch`), or the state flagged with `attention` when a follow-up
 * loop reached its limit with the outcome unclear (a person has to look). For Node, Deno and Bun; the Worker uses alarms instead.
 *
 * @example
 * const result = await client.createOrderCode(order);
 * const final = await settlePayment(client, { paymentRequestId: order.paymentRequestId }, {
 *   amount: order.paymentAmount, expiresAt: Date.parse(order.paymentExpiryTime),
 * });
 * if (final.status === "succeeded") deliverGoods();
 */
export async function settlePayment(
  client: SettlementClient,
  ids: SettlementIds,
  options: SettlePaymentOptions,
): Promise<PaymentState> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const { signal, resendPay } = options;
  const schedule = resolvePaymentSchedule(
    resendPay === undefined ? { ...options.schedule, payResendDelaysMs: [] } : options.schedule,
  );
  let state = initialState(ids, options, now());
  let wake: (() => void) | null = null;

  const apply = (event: PaymentEvent): void => {
    const previous = state;
    state = transition(previous, event, schedule);
    if (state !== previous) options.onTransition?.(state, event, previous);
  };

  const pause = async (ms: number): Promise<void> => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener("abort", stop, { once: true });
    wake = stop;
    try {
      await sleep(ms, controller.signal);
    } finally {
      wake = null;
      signal?.removeEventListener("abort", stop);
    }
  };

  const stamp = (): number => nextEventTime(state, now());

  const perform = async (action: Exclude<PaymentAction, { type: "none" }>): Promise<void> => {
    const target = { paymentRequestId: state.paymentRequestId };
    if (action.type === "inquire") {
      try {
        apply(toInquiryEvent(await client.inquiryPayment(target), stamp()));
      } catch (error) {
        apply(toTransportErrorEvent("inquiry", error, stamp()));
      }
    } else if (action.type === "cancel") {
      apply({ type: "cancel_sent", at: stamp(), reason: action.reason });
      try {
        apply(toCancelEvent(await client.cancel(target), stamp()));
      } catch (error) {
        apply(toTransportErrorEvent("cancel", error, stamp()));
      }
    } else if (resendPay !== undefined) {
      try {
        apply(toPayEvent(await resendPay(), stamp()));
      } catch (error) {
        apply(toTransportErrorEvent("pay", error, stamp()));
      }
    }
  };

  const unsubscribe = options.subscribe?.((event) => {
    apply(event);
    wake?.();
  });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const action = nextAction(state, now(), schedule);
      if (action.type === "none") return state;
      const wait = action.at - now();
      if (wait > 0) {
        // Wake early for an outside event; the loop then asks again what to do.
        await pause(wait);
        continue;
      }
      await perform(action);
    }
  } finally {
    unsubscribe?.();
  }
}
