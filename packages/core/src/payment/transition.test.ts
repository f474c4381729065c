import { describe, expect, test } from "vitest";
import {
  applyAll,
  CODE,
  cancelResult,
  cancelSent,
  failedNotification,
  inquiry,
  newPayment,
  PAYMENT_ID,
  paidNotification,
  payResult,
  REQUEST_ID,
  T0,
} from "./fixtures/payment-events.ts";
import type { PaymentEvent } from "./payment-event.ts";
import { transition } from "./transition.ts";

describe("transition", () => {
  test("pay S issues the code: awaiting_payment, ids and code adopted, version bumped", () => {
    const created = newPayment();
    const state = transition(created, payResult(T0 + 300, "S"));
    expect(state).toStrictEqual({
      ...created,
      paymentId: PAYMENT_ID,
      status: "awaiting_payment",
      version: 2,
      updatedAt: T0 + 300,
      code: CODE,
      pay: { attempts: 1, lastAt: T0 + 300, lastStatus: "S", acceptedAt: T0 + 300 },
    });
  });

  test("Entry Code keeps the redirect URL", () => {
    const event: PaymentEvent = {
      type: "pay_result",
      at: T0 + 300,
      status: "S",
      resultCode: "SUCCESS",
      redirectUrl: "alipays://platformapi/startApp?appId=test",
    };
    expect(transition(newPayment(), event).redirectUrl).toBe(
      "alipays://platformapi/startApp?appId=test",
    );
  });

  test("a repeated event returns the very same state", () => {
    const state = applyAll(newPayment(), [payResult(T0 + 300, "S"), inquiry(T0 + 2300, "PENDING")]);
    expect(transition(state, inquiry(T0 + 2300, "PENDING"))).toBe(state);
    expect(transition(state, payResult(T0 + 300, "S"))).toBe(state);
  });

  test("an older unclear answer after a newer one is stale", () => {
    const state = applyAll(newPayment(), [payResult(T0 + 300, "S"), inquiry(T0 + 5000, "PENDING")]);
    expect(transition(state, inquiry(T0 + 2000, "PROCESSING"))).toBe(state);
    expect(transition(state, payResult(T0 + 200, "U"))).toBe(state);
  });

  test("events about another payment are ignored", () => {
    const state = transition(newPayment(), payResult(T0 + 300, "S"));
    expect(
      transition(state, { ...paidNotification(T0 + 400), paymentRequestId: "test-order-other" }),
    ).toBe(state);
    expect(
      transition(state, { ...paidNotification(T0 + 400), paymentId: "test-payment-other" }),
    ).toBe(state);
    expect(
      transition(state, { ...cancelResult(T0 + 400, "S"), paymentId: "test-payment-other" }),
    ).toBe(state);
  });

  test("a failure notification fails an open payment and keeps its code", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      failedNotification(T0 + 40_000),
    ]);
    expect(state.status).toBe("failed");
    expect(state.resultCode).toBe("USER_BALANCE_NOT_ENOUGH");
    expect(state.closedBy).toBe("failure");
    expect(state.closedAt).toBe(T0 + 40_000);
  });

  test("a failure after a known success is contradictory and needs a person", () => {
    const held = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      cancelSent(T0 + 500, "expired"),
      paidNotification(T0 + 600),
    ]);
    const state = transition(held, inquiry(T0 + 700, "FAIL"));
    expect(state.status).toBe("mismatch");
    expect(state.mismatch).toStrictEqual({
      reason: "conflicting_results",
      expected: { currency: "USD", value: "599" },
      received: null,
      source: "inquiry",
      at: T0 + 700,
    });
  });

  test("a wrong-amount success while a cancel is in flight waits for the cancel's answer", () => {
    const wrong = { currency: "USD", value: "59" };
    const held = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      cancelSent(T0 + 500, "expired"),
      paidNotification(T0 + 600, wrong),
    ]);
    expect(held.status).toBe("awaiting_payment");
    // The cancel went through: the money went back, whatever was paid.
    const reversed = transition(held, cancelResult(T0 + 700, "S"));
    expect(reversed.status).toBe("reversed");
    expect(reversed.paidThenCancelled?.amount).toStrictEqual(wrong);
    // The cancel was refused: the wrong amount stands and needs a person, never "succeeded".
    const refused = transition(held, cancelResult(T0 + 700, "F"));
    expect(refused.status).toBe("mismatch");
    expect(refused.mismatch).toStrictEqual({
      reason: "amount",
      expected: { currency: "USD", value: "599" },
      received: wrong,
      source: "notification",
      at: T0 + 700,
    });
  });

  test("a success after a rejected pay needs a person", () => {
    const state = applyAll(newPayment(), [payResult(T0 + 300, "F"), paidNotification(T0 + 600)]);
    expect(state.status).toBe("mismatch");
    expect(state.mismatch?.reason).toBe("success_after_close");
  });

  test("a success reported with a cancel-closed order after a failure is reversed", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      failedNotification(T0 + 400),
      cancelSent(T0 + 500, "failed"),
      cancelResult(T0 + 600, "S"),
      inquiry(T0 + 700, "SUCCESS"),
    ]);
    expect(state.status).toBe("reversed");
  });

  test("a success stays final against later failures and pay answers", () => {
    const paid = applyAll(newPayment(), [payResult(T0 + 300, "S"), paidNotification(T0 + 600)]);
    const state = applyAll(paid, [
      failedNotification(T0 + 700),
      inquiry(T0 + 800, "FAIL"),
      payResult(T0 + 900, "F"),
    ]);
    expect(state.status).toBe("succeeded");
  });

  test("a refusal of an older cancel does not release a success while a newer cancel is in flight", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 300, "S"),
      cancelSent(T0 + 1001, "expired"),
      inquiry(T0 + 1000, "SUCCESS"),
      cancelResult(T0 + 1000, "F", "CANCEL_WINDOW_EXCEED"),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.cancel.inFlight).toBe(true);
    expect(transition(state, cancelResult(T0 + 1200, "S")).status).toBe("reversed");
    expect(transition(state, cancelResult(T0 + 1200, "F", "CANCEL_WINDOW_EXCEED")).status).toBe(
      "succeeded",
    );
  });

  test("refuses an event without a known type or a finite time", () => {
    expect(() =>
      transition(newPayment(), { type: "tick", at: T0 } as unknown as PaymentEvent),
    ).toThrow(
      new TypeError(
        'transition: expected a payment event with a known "type", got {"type":"tick","at":1768478400000}.',
      ),
    );
    expect(() => transition(newPayment(), { type: "cancel_requested", at: Number.NaN })).toThrow(
      new TypeError('transition: expected "at" in epoch ms on cancel_requested, got NaN.'),
    );
  });

  test("never modifies its input", () => {
    const state = Object.freeze(newPayment());
    const next = transition(state, { ...paidNotification(T0 + 100), paymentRequestId: REQUEST_ID });
    expect(next.status).toBe("succeeded");
    expect(state.status).toBe("creating");
  });
});
