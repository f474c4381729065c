import fc from "fast-check";
import { afterEach, describe, expect, expectTypeOf, test, vi } from "vitest";
import type { AmsClient } from "../client/index.ts";
import {
  EXPIRES_AT,
  newPayment,
  ORDER_AMOUNT,
  PAYMENT_ID,
  REQUEST_ID,
  T0,
  WRONG_AMOUNT,
} from "./fixtures/payment-events.ts";
import {
  CALM_WORLD,
  FakeClock,
  SimulatedGateway,
  type WorldPlan,
} from "./fixtures/simulated-gateway.ts";
import { nextAction } from "./next-action.ts";
import type { PaymentStatus } from "./payment-state.ts";
import type { GatewayResult } from "./result-events.ts";
import { type SettlementClient, settlePayment } from "./settle-payment.ts";

function setUp(plan: Partial<WorldPlan> = {}) {
  const clock = new FakeClock();
  const gateway = new SimulatedGateway(clock, { ...CALM_WORLD, ...plan });
  const statuses: PaymentStatus[] = [];
  const settle = (extra: Partial<Parameters<typeof settlePayment>[2]> = {}) =>
    settlePayment(
      gateway,
      { paymentRequestId: REQUEST_ID, paymentId: PAYMENT_ID },
      {
        amount: ORDER_AMOUNT,
        expiresAt: EXPIRES_AT,
        now: clock.now,
        sleep: clock.sleep,
        subscribe: gateway.subscribe,
        onTransition: (state) => statuses.push(state.status),
        ...extra,
      },
    );
  return { clock, gateway, statuses, settle };
}

describe("settlePayment with a fake client and a fake clock", () => {
  test("takes the gateway client as it is", () => {
    // Checked by the type checker: the structural client type stays a subset of AmsClient.
    expectTypeOf<AmsClient>().toExtend<SettlementClient>();
  });

  test("customer paid, notification lost: inquiries on schedule settle it", async () => {
    const { gateway, statuses, settle } = setUp({ payAt: T0 + 50_000 });
    const final = await settle();
    expect(final.status).toBe("succeeded");
    expect(final.paid?.source).toBe("inquiry");
    expect(gateway.calls).toStrictEqual([
      { call: "inquiryPayment", at: T0 + 15_000 },
      { call: "inquiryPayment", at: T0 + 43_000 },
      { call: "inquiryPayment", at: T0 + 71_000 },
    ]);
    expect(statuses).toStrictEqual(["awaiting_payment", "awaiting_payment", "succeeded"]);
  });

  test("a notification wakes it early and ends it without another call", async () => {
    const { gateway, clock, settle } = setUp({ payAt: T0 + 16_000, notifyAfterMs: 500 });
    const final = await settle();
    expect(final.status).toBe("succeeded");
    expect(final.paid?.source).toBe("notification");
    expect(clock.now()).toBe(T0 + 16_500);
    expect(gateway.calls).toStrictEqual([{ call: "inquiryPayment", at: T0 + 15_000 }]);
  });

  test("never paid: one last look at expiry, then a cancel retried until it goes through", async () => {
    const { gateway, statuses, settle } = setUp({ failedCancels: 2, latencyMs: 100 });
    const final = await settle();
    expect(final.status).toBe("expired");
    expect(final.closedBy).toBe("cancel");
    expect(final.cancel.attempts).toBe(3);
    const cancels = gateway.calls.filter((c) => c.call === "cancel");
    expect(cancels.map((c) => c.at - EXPIRES_AT)).toStrictEqual([200, 2300, 5400]);
    const lastInquiry = gateway.calls.filter((c) => c.call === "inquiryPayment").at(-1);
    expect(lastInquiry).toStrictEqual({ call: "inquiryPayment", at: EXPIRES_AT + 100 });
    expect(statuses.at(-1)).toBe("expired");
    expect(gateway.cancelledAt).toBe(EXPIRES_AT + 5400);
  });

  test("paid at the last moment while the gateway is unreachable: the expiry cancel reverses it", async () => {
    const outage = new Map(Array.from({ length: 100 }, (_, index) => [index, "U" as const]));
    const { gateway, statuses, settle } = setUp({
      payAt: EXPIRES_AT - 100,
      notifyAfterMs: 250,
      failedInquiries: outage,
      latencyMs: 100,
    });
    const final = await settle();
    expect(gateway.reversed).toBe(true);
    expect(final.status).toBe("reversed");
    expect(final.paidThenCancelled).toStrictEqual({
      amount: ORDER_AMOUNT,
      paidAt: EXPIRES_AT - 100,
      cancelledAt: EXPIRES_AT + 200,
    });
    // The success arrived with the cancel in flight: it was never shown as paid.
    expect(statuses).not.toContain("succeeded");
  });

  test("transport errors and U answers are unclear: it inquires again", async () => {
    const { gateway, settle } = setUp({
      payAt: T0 + 1000,
      failedInquiries: new Map([
        [0, "throw"],
        [1, "U"],
      ]),
    });
    const final = await settle();
    expect(final.status).toBe("succeeded");
    expect(gateway.calls.map((c) => c.at - T0)).toStrictEqual([15_000, 43_000, 71_000]);
    expect(final.inquiry.attempts).toBe(3);
  });

  test("a wrong amount ends in mismatch, never succeeded", async () => {
    const { settle } = setUp({ payAt: T0 + 1000, paidAmount: WRONG_AMOUNT, notifyAfterMs: 10 });
    const final = await settle();
    expect(final.status).toBe("mismatch");
    expect(final.mismatch?.received).toStrictEqual(WRONG_AMOUNT);
  });

  test("a merchant cancel delivered from outside closes it", async () => {
    const { clock, gateway, settle } = setUp();
    clock.at(T0 + 30_000, () => undefined);
    let deliver: ((event: Parameters<Parameters<typeof gateway.subscribe>[0]>[0]) => void) | null =
      null;
    clock.at(T0 + 30_000, () => deliver?.({ type: "cancel_requested", at: clock.now() }));
    const final = await settle({
      subscribe: (listener) => {
        deliver = listener;
        return () => {
          deliver = null;
        };
      },
    });
    expect(final.status).toBe("cancelled");
    expect(final.cancel.reason).toBe("merchant");
    expect(gateway.calls.at(-1)).toStrictEqual({ call: "cancel", at: T0 + 30_000 });
    expect(deliver).toBeNull();
  });

  test("resumes a stored state whose pay was unclear, re-sending pay when it can", async () => {
    const { gateway, settle } = setUp({ payAt: T0 + 20_000, notifyAfterMs: 0 });
    const stored = (({ ...s }) => s)(
      // The pay call timed out at T0 + 500.
      newPaymentWithPayError(),
    );
    const resent: number[] = [];
    const final = await settle({
      state: stored,
      resendPay: async (): Promise<GatewayResult> => {
        resent.push(gateway.calls.length);
        return { status: "S", resultCode: "SUCCESS", data: { paymentId: PAYMENT_ID } };
      },
    });
    expect(resent).toStrictEqual([0]);
    expect(final.status).toBe("succeeded");
    expect(final.pay.attempts).toBe(2);
  });

  test("without resendPay an unclear pay is settled by inquiries", async () => {
    const { gateway, settle } = setUp({ payAt: T0 + 1000 });
    const final = await settle({ state: newPaymentWithPayError() });
    expect(gateway.calls[0]).toStrictEqual({ call: "inquiryPayment", at: T0 + 15_500 });
    // Paid, but nobody could have seen the code: the inquiry proves it, so it stands.
    expect(final.status).toBe("succeeded");
  });

  test("an order the provider closed at expiry ends expired at the last look, without a cancel", async () => {
    const { gateway, settle } = setUp({ closesAtExpiry: true, latencyMs: 100 });
    const final = await settle();
    expect(final.status).toBe("expired");
    expect(final.closedBy).toBe("order_closed");
    expect(final.resultCode).toBe("ORDER_IS_CLOSED");
    expect(gateway.calls.filter((c) => c.call === "cancel")).toStrictEqual([]);
    expect(gateway.calls.at(-1)).toStrictEqual({ call: "inquiryPayment", at: EXPIRES_AT + 100 });
  });

  test("a payment already past expiry still gets its last look and cancel", async () => {
    const { gateway, clock, settle } = setUp();
    clock.time = EXPIRES_AT + 60_000;
    const final = await settle();
    expect(final.status).toBe("expired");
    expect(gateway.calls).toStrictEqual([
      { call: "inquiryPayment", at: EXPIRES_AT + 60_000 },
      { call: "cancel", at: EXPIRES_AT + 60_000 },
    ]);
  });

  test("refuses a stored state of another payment", async () => {
    const { settle } = setUp();
    await expect(
      settle({ state: { ...newPayment(), paymentRequestId: "test-order-other" } }),
    ).rejects.toThrow(
      new TypeError(
        'settlePayment: options.state is for "test-order-other", not "test-order-1001".',
      ),
    );
  });

  test("refuses a schedule that could stall", async () => {
    const { settle } = setUp();
    await expect(settle({ schedule: { backoff: 0.5 } })).rejects.toBeInstanceOf(TypeError);
  });
});

function newPaymentWithPayError() {
  return payErrorAt(T0 + 500);
}

function payErrorAt(at: number) {
  const created = newPayment();
  return {
    ...created,
    version: 2,
    updatedAt: at,
    resultCode: "TIMEOUT",
    pay: { attempts: 1, lastAt: at, lastStatus: "U" as const, acceptedAt: null },
  };
}

describe("settlePayment with the default timers", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("sleeps with setTimeout until the next inquiry", async () => {
    vi.useFakeTimers({ now: T0 });
    const calls: number[] = [];
    const client = {
      inquiryPayment: async (): Promise<GatewayResult> => {
        calls.push(Date.now());
        return {
          status: "S",
          resultCode: "SUCCESS",
          data: { paymentStatus: "SUCCESS", paymentAmount: ORDER_AMOUNT },
        };
      },
      cancel: async (): Promise<GatewayResult> => ({
        status: "S",
        resultCode: "SUCCESS",
        data: {},
      }),
    };
    const settling = settlePayment(
      client,
      { paymentRequestId: REQUEST_ID },
      {
        amount: ORDER_AMOUNT,
        expiresAt: EXPIRES_AT,
      },
    );
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls).toStrictEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await settling).status).toBe("succeeded");
    expect(calls).toStrictEqual([T0 + 15_000]);
  });

  test("an aborted signal stops it with the signal's reason", async () => {
    vi.useFakeTimers({ now: T0 });
    const client = {
      inquiryPayment: vi.fn(
        async (): Promise<GatewayResult> => ({
          status: "U",
          resultCode: "UNKNOWN_EXCEPTION",
          data: {},
        }),
      ),
      cancel: vi.fn(
        async (): Promise<GatewayResult> => ({ status: "S", resultCode: "SUCCESS", data: {} }),
      ),
    };
    const controller = new AbortController();
    const settling = settlePayment(
      client,
      { paymentRequestId: REQUEST_ID },
      {
        amount: ORDER_AMOUNT,
        expiresAt: EXPIRES_AT,
        signal: controller.signal,
      },
    );
    const reason = new Error("shop closed");
    await vi.advanceTimersByTimeAsync(15_500);
    controller.abort(reason);
    await expect(settling).rejects.toBe(reason);
    expect(client.inquiryPayment).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("settlePayment against a simulated provider (closed loop)", () => {
  // Payments in the last seconds and gateway outages make the races at expiry likely.
  const payAtArb = fc.oneof(
    fc.integer({ min: T0, max: EXPIRES_AT + 60_000 }),
    fc.integer({ min: EXPIRES_AT - 30_000, max: EXPIRES_AT - 1 }),
  );
  const failuresArb = fc
    .tuple(
      fc.array(
        fc.tuple(fc.nat(80), fc.constantFrom("U" as const, "throw" as const, "throttled" as const)),
        { maxLength: 20 },
      ),
      fc.option(fc.integer({ min: 30, max: 60 }), { nil: null }),
    )
    .map(([pairs, outageFrom]) => {
      const failures = new Map(pairs);
      for (let index = outageFrom ?? 120; index < 120; index += 1)
        failures.set(index, "U" as const);
      return failures;
    });
  const planArb: fc.Arbitrary<WorldPlan> = fc.record({
    payAt: fc.option(payAtArb, { nil: null }),
    paidAmount: fc.constantFrom(ORDER_AMOUNT, ORDER_AMOUNT, ORDER_AMOUNT, WRONG_AMOUNT),
    declineCode: fc.constant(null),
    notifyAfterMs: fc.option(fc.integer({ min: 0, max: 5 * 60_000 }), { nil: null }),
    failedInquiries: failuresArb,
    failedCancels: fc.nat(6),
    latencyMs: fc.integer({ min: 0, max: 1500 }),
    closesAtExpiry: fc.boolean(),
  });

  test("ends in the state that matches what really happened", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const { gateway, clock, settle } = setUp(plan);
        const final = await settle();
        expect(nextAction(final, clock.now())).toStrictEqual({ type: "none" });
        // Bounded even through a gateway outage (at most 120 failing inquiries here).
        expect(clock.now()).toBeLessThan(EXPIRES_AT + 60 * 60_000);
        expect(gateway.calls.length).toBeLessThan(200);

        const keptMoney = gateway.paidAt !== null && !gateway.reversed;
        const rightAmount = plan.paidAmount === ORDER_AMOUNT;
        if (keptMoney) expect(final.status).toBe(rightAmount ? "succeeded" : "mismatch");
        if (gateway.reversed) expect(["reversed", "expired"]).toContain(final.status);
        if (gateway.paidAt === null) expect(final.status).toBe("expired");
        if (final.status === "succeeded") expect(keptMoney && rightAmount).toBe(true);
        if (final.status === "reversed") expect(gateway.reversed).toBe(true);
        // Nothing failing around expiry: whoever paid in time keeps the payment.
        if (plan.failedInquiries.size === 0 && gateway.paidAt !== null) {
          expect(gateway.reversed).toBe(false);
        }
      }),
      { numRuns: 250 },
    );
  });
});
