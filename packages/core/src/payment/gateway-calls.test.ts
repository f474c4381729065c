/**
 * Gateway calls per payment and how soon the till learns the outcome, on the real default
 * schedule: a fake clock steps through the `at` times `nextAction` asks for (no scaling), the
 * provider is simulated, and every call takes a realistic round trip. Prints a table of the cases.
 */
import { afterAll, describe, expect, test } from "vitest";
import { EXPIRES_AT, ORDER_AMOUNT, PAYMENT_ID, REQUEST_ID, T0 } from "./fixtures/payment-events.ts";
import {
  CALM_WORLD,
  FakeClock,
  SimulatedGateway,
  type WorldPlan,
} from "./fixtures/simulated-gateway.ts";
import { isFinalStatus, type PaymentStatus } from "./payment-state.ts";
import { settlePayment } from "./settle-payment.ts";

/** Each inquiry and cancel answers this long after it is sent. */
const ROUND_TRIP_MS = 300;
/** The longest a till may wait to learn of a payment whose notification was lost. */
const LOST_NOTIFICATION_BOUND_MS = 30_000;

/** One simulated payment: the code is shown at T0 (pay answered), the world does the rest. */
interface CallsRun {
  status: PaymentStatus;
  /** The pay call that issued the code, then every inquiry and cancel. */
  calls: { pay: number; inquiries: number; cancels: number; total: number };
  /** When the status became final, ms after the code was shown. */
  learnedAfterMs: number | null;
  /** When each inquiry was answered, ms after the code was shown. */
  inquiryTimes: number[];
}

async function run(plan: Partial<WorldPlan>): Promise<CallsRun> {
  const clock = new FakeClock(T0);
  const gateway = new SimulatedGateway(clock, {
    ...CALM_WORLD,
    latencyMs: ROUND_TRIP_MS,
    ...plan,
  });
  let learnedAt: number | null = null;
  const final = await settlePayment(
    gateway,
    { paymentRequestId: REQUEST_ID, paymentId: PAYMENT_ID },
    {
      amount: ORDER_AMOUNT,
      expiresAt: EXPIRES_AT,
      now: clock.now,
      sleep: clock.sleep,
      subscribe: gateway.subscribe,
      onTransition: (state, event) => {
        if (learnedAt === null && isFinalStatus(state.status)) learnedAt = event.at;
      },
    },
  );
  const inquiryTimes = gateway.calls.filter((c) => c.call === "inquiryPayment").map((c) => c.at);
  const inquiries = inquiryTimes.length;
  const cancels = gateway.calls.length - inquiries;
  return {
    status: final.status,
    calls: { pay: 1, inquiries, cancels, total: 1 + inquiries + cancels },
    learnedAfterMs: learnedAt === null ? null : learnedAt - T0,
    inquiryTimes: inquiryTimes.map((at) => at - T0),
  };
}

const rows: string[][] = [];
function record(name: string, result: CallsRun, learned: string): void {
  const { pay, inquiries, cancels, total } = result.calls;
  rows.push([name, result.status, `${pay}`, `${inquiries}`, `${cancels}`, `${total}`, learned]);
}

const seconds = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(1)} s`);

/** How long after the customer paid (`paidAfterMs`) the till learned it, as table text. */
const afterPaying = (result: CallsRun, paidAfterMs: number) =>
  `${seconds(result.learnedAfterMs === null ? null : result.learnedAfterMs - paidAfterMs)} after paying`;

afterAll(() => {
  const header = ["case", "final", "pay", "inquiries", "cancels", "total", "till learns"];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
  console.log(
    [
      `Gateway calls per payment, default schedule, ${ROUND_TRIP_MS} ms per call, 10-minute Order Code`,
      "",
      ...table,
    ].join("\n"),
  );
});

describe("gateway calls per payment on the default schedule, at real time", () => {
  test("(a) paid, notification 20 s after the code is shown: pay and at most two inquiries", async () => {
    const result = await run({ payAt: T0 + 17_000, notifyAfterMs: 3000 });
    record("(a) paid, notified at 20 s", result, `${seconds(result.learnedAfterMs)} after code`);
    expect(result.status).toBe("succeeded");
    expect(result.learnedAfterMs).toBe(20_000);
    expect(result.calls.cancels).toBe(0);
    expect(result.calls.inquiries).toBeLessThanOrEqual(2);
    expect(result.calls.total).toBeLessThanOrEqual(3);
  });

  test("(b) paid, notification lost: the till learns within 30 s, wherever in the code's life", async () => {
    // The worst moments are just after an inquiry; take each one, plus a spread across the code.
    const unpaid = await run({});
    const justAfterInquiries = unpaid.inquiryTimes.filter((ms) => ms < 600_000).map((ms) => ms + 1);
    const spread = Array.from({ length: 40 }, (_, i) => 1000 + i * 15_000);
    const moments = [...new Set([...justAfterInquiries, ...spread, 599_000])].sort((x, y) => x - y);
    expect(moments.length).toBeGreaterThan(60);
    let worst = { paidAfterMs: 0, waitMs: -1, result: unpaid };
    for (const paidAfterMs of moments) {
      const result = await run({ payAt: T0 + paidAfterMs, notifyAfterMs: null });
      expect(result.status, `paid at ${paidAfterMs} ms`).toBe("succeeded");
      const waitMs = (result.learnedAfterMs ?? Number.POSITIVE_INFINITY) - paidAfterMs;
      expect(waitMs, `paid at ${paidAfterMs} ms`).toBeLessThanOrEqual(LOST_NOTIFICATION_BOUND_MS);
      expect(result.calls.cancels).toBe(0);
      if (waitMs > worst.waitMs) worst = { paidAfterMs, waitMs, result };
    }
    const early = await run({ payAt: T0 + 10_000, notifyAfterMs: null });
    record("(b) paid at 10 s, notification lost", early, afterPaying(early, 10_000));
    record(
      `(b) worst of ${moments.length}: paid at ${seconds(worst.paidAfterMs)}, notification lost`,
      worst.result,
      `${seconds(worst.waitMs)} after paying`,
    );
    const late = await run({ payAt: T0 + 599_000, notifyAfterMs: null });
    record("(b) paid at 599 s, notification lost", late, afterPaying(late, 599_000));
  });

  test("(c) declined: the failure notification ends it, then one cancel closes the order", async () => {
    const result = await run({
      payAt: T0 + 17_000,
      notifyAfterMs: 3000,
      declineCode: "USER_BALANCE_NOT_ENOUGH",
    });
    record(
      "(c) declined, notified at 20 s",
      result,
      `${seconds(result.learnedAfterMs)} after code`,
    );
    expect(result.status).toBe("failed");
    expect(result.learnedAfterMs).toBe(20_000);
    expect(result.calls).toStrictEqual({ pay: 1, inquiries: 1, cancels: 1, total: 3 });
  });

  test("(d) unpaid 10-minute code: inquiries until expiry, one last look, a cancel; at most 25 calls", async () => {
    const result = await run({});
    record("(d) unpaid, expires", result, `${seconds(result.learnedAfterMs)} after code`);
    expect(result.status).toBe("expired");
    expect(result.calls.cancels).toBe(1);
    expect(result.calls.total).toBeLessThanOrEqual(25);
    // The last inquiry is made at expiry, so a payment in the last seconds is taken, not reversed.
    expect(result.inquiryTimes.at(-1)).toBe(600_000 + ROUND_TRIP_MS);
    expect(result.learnedAfterMs).toBe(600_000 + 2 * ROUND_TRIP_MS);
  });

  test("(e) rate-limited inquiries slow the schedule down and the payment still settles", async () => {
    const throttled = new Map([0, 1, 2].map((index) => [index, "throttled" as const]));
    const result = await run({
      payAt: T0 + 10_000,
      notifyAfterMs: null,
      failedInquiries: throttled,
    });
    record("(e) paid at 10 s, lost, 3 inquiries rate-limited", result, afterPaying(result, 10_000));
    expect(result.status).toBe("succeeded");
    // 15 s to the first inquiry; then the steady 28 s doubled per rate-limited answer in a row:
    // 56 s, 112 s, then 120 s (the 2-minute cap, not 224 s); the fourth inquiry finds the payment.
    const gaps = result.inquiryTimes.map((ms, i) => ms - (result.inquiryTimes[i - 1] ?? 0));
    expect(gaps).toStrictEqual([15_000, 56_000, 112_000, 120_000].map((ms) => ms + ROUND_TRIP_MS));
    expect(result.calls.cancels).toBe(0);
  });
});
