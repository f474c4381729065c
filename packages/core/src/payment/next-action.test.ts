import { describe, expect, test } from "vitest";
import {
  applyAll,
  cancelResult,
  cancelSent,
  EXPIRES_AT,
  inquiry,
  inquiryUnknown,
  newPayment,
  paidNotification,
  payResult,
  T0,
} from "./fixtures/payment-events.ts";
import { nextAction } from "./next-action.ts";
import { resolvePaymentSchedule } from "./payment-schedule.ts";
import { transition } from "./transition.ts";

describe("nextAction", () => {
  test("a pay never answered (the sender crashed) is re-sent after the lease", () => {
    expect(nextAction(newPayment(), T0)).toStrictEqual({ type: "retry_pay", at: T0 + 60_000 });
  });

  test("without re-sends the unanswered pay is inquired after the lease", () => {
    const schedule = resolvePaymentSchedule({ payResendDelaysMs: [] });
    expect(nextAction(newPayment(), T0, schedule)).toStrictEqual({
      type: "inquire",
      at: T0 + 60_000,
    });
  });

  test("an unclear pay at expiry is cancelled", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 500, "U"),
      payResult(T0 + 1600, "U"),
      payResult(T0 + 3700, "U"),
      payResult(T0 + 6800, "U"),
    ]);
    expect(nextAction(state, EXPIRES_AT + 5)).toStrictEqual({
      type: "cancel",
      at: EXPIRES_AT,
      reason: "unknown_pay_result",
    });
  });

  test("when the alarm fires late, expiry wins over a stale inquiry time", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      inquiry(T0 + 15_300, "PENDING"),
    ]);
    expect(nextAction(state, T0 + 15_300)).toStrictEqual({ type: "inquire", at: T0 + 43_300 });
    expect(nextAction(state, EXPIRES_AT + 90_000)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT,
    });
  });

  test("a cancel in flight is repeated only after the lease", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + 10, "expired"),
    ]);
    expect(state.cancel.inFlight).toBe(true);
    expect(nextAction(state, EXPIRES_AT + 20)).toStrictEqual({
      type: "cancel",
      at: EXPIRES_AT + 60_010,
      reason: "expired",
    });
  });

  test("after a refused cancel only inquiries remain, past expiry too", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + 10, "expired"),
      cancelResult(EXPIRES_AT + 200, "F", "PROCESS_FAIL"),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.cancel.outcome).toBe("refused");
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT + 28_000,
    });
    const closed = transition(state, inquiry(EXPIRES_AT + 28_000, "CANCELLED"));
    expect(closed.status).toBe("expired");
    expect(nextAction(closed, EXPIRES_AT + 28_000)).toStrictEqual({ type: "none" });
  });

  test("a merchant cancel goes first, even before pay answered", () => {
    const state = transition(newPayment(), { type: "cancel_requested", at: T0 + 100 });
    expect(nextAction(state, T0 + 100)).toStrictEqual({
      type: "cancel",
      at: T0 + 100,
      reason: "merchant",
    });
  });

  test("a merchant cancel after a refused automatic one gets its own try", () => {
    const refused = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      cancelSent(T0 + 400, "expired"),
      cancelResult(T0 + 500, "F", "PROCESS_FAIL"),
    ]);
    const requested = transition(refused, { type: "cancel_requested", at: T0 + 9000 });
    expect(requested.cancel.outcome).toBe("none");
    expect(nextAction(requested, T0 + 9000)).toStrictEqual({
      type: "cancel",
      at: T0 + 9000,
      reason: "merchant",
    });
  });

  test("uses a custom schedule", () => {
    const schedule = resolvePaymentSchedule({ inquiryDelaysMs: [500], inquiryMaxDelayMs: 1000 });
    let state = transition(newPayment(), payResult(T0, "S"));
    expect(nextAction(state, T0, schedule)).toStrictEqual({ type: "inquire", at: T0 + 500 });
    state = applyAll(state, [inquiry(T0 + 500, "PENDING"), inquiry(T0 + 1250, "PENDING")]);
    expect(nextAction(state, T0 + 1250, schedule)).toStrictEqual({
      type: "inquire",
      at: T0 + 2250,
    });
  });

  test("final states have nothing left to do", () => {
    const paid = applyAll(newPayment(), [payResult(T0 + 300, "S"), paidNotification(T0 + 9000)]);
    expect(nextAction(paid, T0 + 9000)).toStrictEqual({ type: "none" });
  });
});

describe("REQUEST_TRAFFIC_EXCEED_LIMIT slows the schedule down instead of failing the payment", () => {
  const throttled = (at: number) => inquiryUnknown(at, "REQUEST_TRAFFIC_EXCEED_LIMIT");

  test("each rate-limited inquiry in a row doubles the next delay, up to 2 minutes", () => {
    let state = applyAll(newPayment(), [payResult(T0 + 300, "S"), throttled(T0 + 15_300)]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.throttledStreak).toBe(1);
    expect(nextAction(state, T0 + 15_300)).toStrictEqual({ type: "inquire", at: T0 + 71_300 });
    state = transition(state, throttled(T0 + 71_300));
    expect(nextAction(state, T0 + 71_300)).toStrictEqual({ type: "inquire", at: T0 + 183_300 });
    state = transition(state, throttled(T0 + 183_300));
    expect(state.throttledStreak).toBe(3);
    expect(nextAction(state, T0 + 183_300)).toStrictEqual({ type: "inquire", at: T0 + 303_300 });
  });

  test("a state stored before the streak existed reads it as 0", () => {
    const { throttledStreak: _, ...stored } = applyAll(newPayment(), [payResult(T0 + 300, "S")]);
    expect(nextAction(stored, T0 + 300)).toStrictEqual({ type: "inquire", at: T0 + 15_300 });
    const after = transition(stored, throttled(T0 + 15_300));
    expect(after.throttledStreak).toBe(1);
    expect(nextAction(after, T0 + 15_300)).toStrictEqual({ type: "inquire", at: T0 + 71_300 });
  });

  test("any other answer ends the slowdown", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      throttled(T0 + 15_300),
      inquiryUnknown(T0 + 71_300),
    ]);
    expect(state.throttledStreak).toBe(0);
    expect(nextAction(state, T0 + 71_300)).toStrictEqual({ type: "inquire", at: T0 + 99_300 });
  });

  test("expiry is not put off: the last look and the cancel still come at expiry", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      throttled(EXPIRES_AT - 60_000),
      throttled(EXPIRES_AT - 30_000),
    ]);
    expect(nextAction(state, EXPIRES_AT - 30_000)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT,
    });
  });

  test("a rate-limited cancel is retried after twice the delay", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + 10, "expired"),
      cancelResult(EXPIRES_AT + 200, "U", "REQUEST_TRAFFIC_EXCEED_LIMIT"),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({
      type: "cancel",
      at: EXPIRES_AT + 4200,
      reason: "expired",
    });
  });

  test("a rate-limited pay is re-sent after twice the delay", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 500, "U"),
      payResult(T0 + 1600, "U", "REQUEST_TRAFFIC_EXCEED_LIMIT"),
    ]);
    expect(state.status).toBe("creating");
    expect(nextAction(state, T0 + 1600)).toStrictEqual({ type: "retry_pay", at: T0 + 5600 });
  });
});
