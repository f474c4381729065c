import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  applyAll,
  cancelResult,
  cancelSent,
  EXPIRES_AT,
  failedNotification,
  inquiry,
  inquiryNotFound,
  inquiryUnknown,
  newPayment,
  paidNotification,
  payResult,
  T0,
  WRONG_AMOUNT,
} from "./fixtures/payment-events.ts";
import { nextAction } from "./next-action.ts";
import { nextEventTime } from "./next-event-time.ts";
import type { PaymentEvent } from "./payment-event.ts";
import { DEFAULT_PAYMENT_SCHEDULE } from "./payment-schedule.ts";
import { isFinalStatus, type PaymentState } from "./payment-state.ts";
import { TRAFFIC_LIMIT_CODE } from "./throttled-streak.ts";
import { transition } from "./transition.ts";

/** How long the simulated gateway takes to answer. */
const CALL_MS = 300;

type InquiryAnswer =
  | "SUCCESS"
  | "SUCCESS_WRONG_AMOUNT"
  | "SUCCESS_NO_AMOUNT"
  | "FAIL"
  | "PROCESSING"
  | "PENDING"
  | "CANCELLED"
  | "ORDER_NOT_EXIST"
  | "U"
  | "THROTTLED";
type CancelAnswer = "S" | "CLOSED" | "REFUSED" | "U" | "THROTTLED";
type PayAnswer = "S" | "F" | "U" | "THROTTLED";
type Outside = "PAID" | "PAID_WRONG_AMOUNT" | "FAILED" | "MERCHANT_CANCEL";

function inquiryEvent(answer: InquiryAnswer, at: number): PaymentEvent {
  switch (answer) {
    case "SUCCESS_WRONG_AMOUNT":
      return inquiry(at, "SUCCESS", WRONG_AMOUNT);
    case "SUCCESS_NO_AMOUNT":
      return { ...inquiry(at, "SUCCESS"), paymentAmount: null };
    case "ORDER_NOT_EXIST":
      return inquiryNotFound(at);
    case "U":
      return inquiryUnknown(at);
    case "THROTTLED":
      return inquiryUnknown(at, TRAFFIC_LIMIT_CODE);
    default:
      return inquiry(at, answer);
  }
}

function cancelEvent(answer: CancelAnswer, at: number): PaymentEvent {
  switch (answer) {
    case "CLOSED":
      return cancelResult(at, "F", "ORDER_IS_CLOSED");
    case "REFUSED":
      return cancelResult(at, "F");
    case "THROTTLED":
      return cancelResult(at, "U", TRAFFIC_LIMIT_CODE);
    default:
      return cancelResult(at, answer);
  }
}

function payEvent(answer: PayAnswer, at: number): PaymentEvent {
  return answer === "THROTTLED" ? payResult(at, "U", TRAFFIC_LIMIT_CODE) : payResult(at, answer);
}

function outsideEvent(kind: Outside, at: number): PaymentEvent {
  switch (kind) {
    case "PAID":
      return paidNotification(at);
    case "PAID_WRONG_AMOUNT":
      return paidNotification(at, WRONG_AMOUNT);
    case "FAILED":
      return failedNotification(at);
    case "MERCHANT_CANCEL":
      return { type: "cancel_requested", at };
  }
}

/** A gateway's answers: some drawn one by one, then the same unclear answers for ever after. */
const gatewayArb = fc.record({
  pay: fc.constantFrom<PayAnswer>("S", "S", "F", "U", "THROTTLED"),
  inquiries: fc.array(
    fc.constantFrom<InquiryAnswer>(
      "SUCCESS",
      "SUCCESS_WRONG_AMOUNT",
      "SUCCESS_NO_AMOUNT",
      "FAIL",
      "PROCESSING",
      "PENDING",
      "CANCELLED",
      "ORDER_NOT_EXIST",
      "U",
      "THROTTLED",
    ),
    { maxLength: 40 },
  ),
  inquiryForever: fc.constantFrom<InquiryAnswer>(
    "PENDING",
    "PROCESSING",
    "ORDER_NOT_EXIST",
    "U",
    "THROTTLED",
    "SUCCESS_NO_AMOUNT",
  ),
  cancels: fc.array(fc.constantFrom<CancelAnswer>("S", "CLOSED", "REFUSED", "U", "THROTTLED"), {
    maxLength: 20,
  }),
  cancelForever: fc.constantFrom<CancelAnswer>("REFUSED", "U", "THROTTLED"),
  pays: fc.array(fc.constantFrom<PayAnswer>("S", "F", "U", "THROTTLED"), { maxLength: 5 }),
  payForever: fc.constantFrom<PayAnswer>("U", "THROTTLED"),
  // Notifications and merchant cancels, each arriving just before the call with that number.
  outside: fc.array(
    fc.record({
      beforeCall: fc.nat({ max: 120 }),
      kind: fc.constantFrom<Outside>("PAID", "PAID_WRONG_AMOUNT", "FAILED", "MERCHANT_CANCEL"),
    }),
    { maxLength: 4 },
  ),
});

type Gateway = typeof gatewayArb extends fc.Arbitrary<infer G> ? G : never;

/** Drives the state machine by `nextAction` at its own times until it says `none`. */
function drive(gateway: Gateway, maxCalls: number) {
  const take = <T>(list: readonly T[], index: number, forever: T): T => list[index] ?? forever;
  const used = { inquiries: 0, cancels: 0, pays: 0 };
  let now = T0 + CALL_MS;
  let state: PaymentState = transition(newPayment(), payEvent(gateway.pay, now));
  const feed = (event: PaymentEvent) => {
    state = transition(state, event);
  };
  let calls = 0;
  for (; calls < maxCalls; calls += 1) {
    for (const { kind } of gateway.outside.filter((o) => o.beforeCall === calls)) {
      now += 1;
      feed(outsideEvent(kind, nextEventTime(state, now)));
    }
    const action = nextAction(state, now);
    if (action.type === "none") return { state, calls, now };
    now = Math.max(now, action.at) + CALL_MS;
    if (action.type === "inquire") {
      const answer = take(gateway.inquiries, used.inquiries++, gateway.inquiryForever);
      feed(inquiryEvent(answer, nextEventTime(state, now)));
    } else if (action.type === "cancel") {
      feed(cancelSent(nextEventTime(state, now - CALL_MS), action.reason));
      const answer = take(gateway.cancels, used.cancels++, gateway.cancelForever);
      feed(cancelEvent(answer, nextEventTime(state, now)));
    } else {
      feed(
        payEvent(take(gateway.pays, used.pays++, gateway.payForever), nextEventTime(state, now)),
      );
    }
  }
  return { state, calls, now };
}

describe("every follow-up loop ends", () => {
  test("any answers and notifications reach `none` in bounded calls and time, final or flagged", () => {
    const { cancelAttemptLimit, followUpInquiryLimit, throttledMaxDelayMs, requestLeaseMs } =
      DEFAULT_PAYMENT_SCHEDULE;
    // One round of every loop: pay re-sends, inquiries to expiry, a cancel's retries, the
    // inquiries after it; a notification or a merchant's cancel may start one more round.
    const round = 4 + 25 + cancelAttemptLimit + followUpInquiryLimit + cancelAttemptLimit;
    const longestWait = Math.max(throttledMaxDelayMs, requestLeaseMs) + CALL_MS;
    fc.assert(
      fc.property(gatewayArb, (gateway) => {
        const bound = round * (1 + gateway.outside.length);
        const { state, calls, now } = drive(gateway, bound + 1);
        expect(calls).toBeLessThanOrEqual(bound);
        expect(nextAction(state, now)).toStrictEqual({ type: "none" });
        expect(isFinalStatus(state.status) || (state.attention ?? null) !== null).toBe(true);
        expect(now - T0).toBeLessThanOrEqual(EXPIRES_AT - T0 + calls * longestWait);
      }),
      { numRuns: 400 },
    );
  });
});

describe("a loop at its limit raises the attention flag", () => {
  const s = 1000;
  const issued = () => applyAll(newPayment(), [payResult(T0 + 300, "S")]);

  test("a cancel unanswered 12 times: CANCEL_UNANSWERED, still open, nothing scheduled", () => {
    const events: PaymentEvent[] = [inquiry(EXPIRES_AT, "PENDING")];
    for (let i = 1; i <= 12; i += 1) {
      events.push(
        cancelSent(EXPIRES_AT + i * s, "expired"),
        cancelResult(EXPIRES_AT + i * s + 1, "U"),
      );
    }
    const eleven = applyAll(issued(), events.slice(0, -2));
    expect(eleven.attention).toBeNull();
    expect(nextAction(eleven, EXPIRES_AT + 12 * s).type).toBe("cancel");
    const state = applyAll(eleven, events.slice(-2));
    expect(state.status).toBe("awaiting_payment");
    expect(state.followUp).toStrictEqual({ cancels: 12, inquiries: 0 });
    expect(state.attention).toStrictEqual({
      reason: "CANCEL_UNANSWERED",
      since: EXPIRES_AT + 12 * s + 1,
    });
    expect(nextAction(state, EXPIRES_AT + 3_600_000)).toStrictEqual({ type: "none" });

    // An unclear inquiry keeps the flag; a clear one lifts it and the cancel is tried again.
    const unclear = transition(state, inquiryUnknown(EXPIRES_AT + 20 * s));
    expect(unclear.attention).toStrictEqual(state.attention);
    const cleared = transition(unclear, inquiry(EXPIRES_AT + 21 * s, "PENDING"));
    expect(cleared.attention).toBeNull();
    expect(cleared.followUp).toStrictEqual({ cancels: 0, inquiries: 0 });
    expect(nextAction(cleared, EXPIRES_AT + 21 * s)).toStrictEqual({
      type: "cancel",
      at: EXPIRES_AT + 12 * s + 1 + 60_000,
      reason: "expired",
    });
  });

  test("a refused cancel and 20 inquiries with no final status: CANCEL_REFUSED", () => {
    const events: PaymentEvent[] = [
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + s, "expired"),
      cancelResult(EXPIRES_AT + 2 * s, "F"),
    ];
    for (let i = 1; i <= 20; i += 1) events.push(inquiry(EXPIRES_AT + i * 30 * s, "PENDING"));
    const state = applyAll(issued(), events);
    expect(state.status).toBe("awaiting_payment");
    expect(state.attention).toStrictEqual({
      reason: "CANCEL_REFUSED",
      since: EXPIRES_AT + 600 * s,
    });
    expect(nextAction(state, EXPIRES_AT + 601 * s)).toStrictEqual({ type: "none" });
    // The provider reports the payment closed: final, and the flag is lifted.
    const closed = transition(state, inquiry(EXPIRES_AT + 700 * s, "CANCELLED"));
    expect([closed.status, closed.attention]).toStrictEqual(["expired", null]);
  });

  test("a paid payment whose reversal is never answered stays succeeded, flagged", () => {
    const events: PaymentEvent[] = [
      paidNotification(T0 + 20 * s),
      { type: "cancel_requested", at: T0 + 30 * s },
    ];
    for (let i = 1; i <= 12; i += 1) {
      events.push(cancelSent(T0 + 30 * s + i * 100 * s, "merchant"));
      events.push(cancelResult(T0 + 30 * s + i * 100 * s + 1, "U"));
    }
    const state = applyAll(issued(), events);
    expect(state.status).toBe("succeeded");
    expect(state.attention).toStrictEqual({
      reason: "CANCEL_UNANSWERED",
      since: T0 + 1230 * s + 1,
    });
    expect(nextAction(state, T0 + 2000 * s)).toStrictEqual({ type: "none" });
  });

  test("8 rate-limited answers in a row: RATE_LIMITED; 7 and another answer: not", () => {
    const throttled = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        inquiryUnknown(T0 + (i + 1) * 20 * s, TRAFFIC_LIMIT_CODE),
      );
    const seven = applyAll(issued(), [...throttled(7), inquiry(T0 + 170 * s, "PENDING")]);
    expect(seven.attention).toBeNull();
    const eight = applyAll(issued(), throttled(8));
    expect(eight.attention).toStrictEqual({ reason: "RATE_LIMITED", since: T0 + 160 * s });
    expect(nextAction(eight, T0 + 161 * s)).toStrictEqual({ type: "none" });
  });

  test("pay unknown and its cancel never answered: OUTCOME_UNKNOWN; limits come from the schedule", () => {
    const schedule = { ...DEFAULT_PAYMENT_SCHEDULE, cancelAttemptLimit: 2 };
    let state = transition(newPayment(), payResult(T0 + 300, "U"), schedule);
    state = transition(state, inquiry(T0 + 20 * s, "PENDING"), schedule);
    for (let i = 1; i <= 2; i += 1) {
      state = transition(state, cancelSent(T0 + (20 + i) * s, "unknown_pay_result"), schedule);
      state = transition(state, cancelResult(T0 + (20 + i) * s + 1, "U"), schedule);
    }
    expect(state.status).toBe("creating");
    expect(state.attention).toStrictEqual({ reason: "OUTCOME_UNKNOWN", since: T0 + 22 * s + 1 });
  });

  test("a state stored before the flag existed keeps its shape on a no-op and counts from 0", () => {
    const { attention: _a, followUp: _f, ...old } = issued();
    const repeat = transition(old, payResult(T0 + 300, "S"));
    expect(repeat).toBe(old);
    const next = transition(old, inquiry(T0 + 15 * s, "PENDING"));
    expect([next.attention, next.followUp]).toStrictEqual([undefined, undefined]);
  });
});
