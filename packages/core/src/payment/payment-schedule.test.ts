import { describe, expect, test } from "vitest";
import {
  DEFAULT_PAYMENT_SCHEDULE,
  resolvePaymentSchedule,
  scheduleDelay,
  throttledDelay,
} from "./payment-schedule.ts";

describe("scheduleDelay", () => {
  test("uses the list, then grows the last entry by the backoff up to the maximum", () => {
    const delays = [0, 1, 2, 3, 4, 5].map((index) => scheduleDelay([2000, 3000], index, 1.5, 8000));
    expect(delays).toStrictEqual([2000, 3000, 4500, 6750, 8000, 8000]);
  });

  test("an empty list means the maximum; a list ending in 0 still slows down", () => {
    expect(scheduleDelay([], 0, 2, 9000)).toBe(9000);
    expect([1, 2, 3].map((index) => scheduleDelay([0], index, 2, 5))).toStrictEqual([2, 4, 5]);
  });
});

describe("throttledDelay", () => {
  test("doubles per rate-limited answer in a row, up to the cap, never below the delay", () => {
    const delays = [0, 1, 2, 3].map((streak) =>
      throttledDelay(28_000, streak, DEFAULT_PAYMENT_SCHEDULE),
    );
    expect(delays).toStrictEqual([28_000, 56_000, 112_000, 120_000]);
    expect(throttledDelay(150_000, 2, DEFAULT_PAYMENT_SCHEDULE)).toBe(150_000);
  });
});

describe("resolvePaymentSchedule", () => {
  test("defaults: a first inquiry after 15 s, then steadily every 28 s", () => {
    expect(resolvePaymentSchedule()).toStrictEqual({
      inquiryDelaysMs: [15_000, 28_000],
      inquiryMaxDelayMs: 28_000,
      cancelDelaysMs: [2000, 3000, 3000, 5000, 5000],
      cancelMaxDelayMs: 60_000,
      backoff: 1.5,
      payResendDelaysMs: [1000, 2000, 3000],
      orderNotExistLimit: 3,
      requestLeaseMs: 60_000,
      throttledMaxDelayMs: 120_000,
    });
    expect(Object.isFrozen(DEFAULT_PAYMENT_SCHEDULE)).toBe(true);
  });

  test("applies overrides", () => {
    const schedule = resolvePaymentSchedule({ inquiryMaxDelayMs: 30_000, payResendDelaysMs: [] });
    expect(schedule.inquiryMaxDelayMs).toBe(30_000);
    expect(schedule.payResendDelaysMs).toStrictEqual([]);
    expect(schedule.cancelDelaysMs).toStrictEqual([2000, 3000, 3000, 5000, 5000]);
  });

  test.each([
    { backoff: 0.9 },
    { inquiryMaxDelayMs: 0 },
    { cancelDelaysMs: [2000, -1] },
    { requestLeaseMs: Number.POSITIVE_INFINITY },
    { orderNotExistLimit: Number.NaN },
    { throttledMaxDelayMs: -1 },
  ])("rejects %j", (override) => {
    expect(() => resolvePaymentSchedule(override)).toThrow(
      new TypeError(
        "PaymentSchedule: expected non-negative millisecond delays, positive maximum delays and a backoff of at least 1.",
      ),
    );
  });
});
