import { describe, expect, test } from "vitest";
import { createPayment } from "./create-payment.ts";
import { EXPIRES_AT, ORDER_AMOUNT, REQUEST_ID, T0 } from "./fixtures/payment-events.ts";

const params = {
  paymentRequestId: REQUEST_ID,
  scenario: "EntryCode" as const,
  amount: ORDER_AMOUNT,
  createdAt: T0,
  expiresAt: EXPIRES_AT,
};

describe("createPayment", () => {
  test("starts in creating, version 1, with empty counters", () => {
    expect(createPayment(params)).toStrictEqual({
      paymentRequestId: REQUEST_ID,
      paymentId: null,
      scenario: "EntryCode",
      amount: { currency: "USD", value: "599" },
      status: "creating",
      version: 1,
      createdAt: T0,
      updatedAt: T0,
      expiresAt: EXPIRES_AT,
      code: null,
      redirectUrl: null,
      resultCode: null,
      pay: { attempts: 0, lastAt: null, lastStatus: null, acceptedAt: null },
      inquiry: { attempts: 0, lastAt: null, lastObservation: null, notFoundStreak: 0 },
      cancel: {
        requestedAt: null,
        reason: null,
        inFlight: false,
        sentAt: null,
        attempts: 0,
        lastAt: null,
        outcome: "none",
        resultCode: null,
      },
      throttledStreak: 0,
      followUp: { cancels: 0, inquiries: 0 },
      attention: null,
      closedBy: null,
      closedAt: null,
      paid: null,
      paidThenCancelled: null,
      mismatch: null,
    });
  });

  test("keeps a known paymentId and copies the amount", () => {
    const amount = { currency: "JPY", value: "599" };
    const state = createPayment({ ...params, amount, paymentId: "test-payment-1" });
    expect(state.paymentId).toBe("test-payment-1");
    expect(state.amount).toStrictEqual(amount);
    expect(state.amount).not.toBe(amount);
  });

  test.each([
    [{ paymentRequestId: "" }, "createPayment: expected a non-empty paymentRequestId string."],
    [
      { scenario: "ORDERCODE" },
      'createPayment: expected scenario "OrderCode" or "EntryCode", got "ORDERCODE".',
    ],
    [
      { amount: { currency: "USD", value: "5.99" } },
      'createPayment: expected amount { currency: "USD", value: "599" } in minor units, got {"currency":"USD","value":"5.99"}.',
    ],
    [
      { amount: { currency: "usd", value: "599" } },
      'createPayment: expected amount { currency: "USD", value: "599" } in minor units, got {"currency":"usd","value":"599"}.',
    ],
    [
      { expiresAt: T0 },
      `createPayment: expected epoch-ms createdAt before expiresAt, got ${T0} and ${T0}.`,
    ],
    [
      { createdAt: Number.NaN },
      `createPayment: expected epoch-ms createdAt before expiresAt, got NaN and ${EXPIRES_AT}.`,
    ],
  ])("rejects %j", (override, message) => {
    expect(() => createPayment({ ...params, ...(override as object) })).toThrow(
      new TypeError(message),
    );
  });
});
