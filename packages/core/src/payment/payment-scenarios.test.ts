import { describe, expect, test } from "vitest";
import {
  applyAll,
  CODE,
  cancelResult,
  cancelSent,
  EXPIRES_AT,
  inquiry,
  inquiryNotFound,
  inquiryUnknown,
  newPayment,
  ORDER_AMOUNT,
  PAYMENT_ID,
  paidNotification,
  payResult,
  REQUEST_ID,
  T0,
  WRONG_AMOUNT,
} from "./fixtures/payment-events.ts";
import { nextAction } from "./next-action.ts";
import type { PaymentState } from "./payment-state.ts";
import { transition } from "./transition.ts";

/** The test order right after pay issued its code at T0 + 300 ms. */
function codeIssued(): PaymentState {
  return transition(newPayment(), payResult(T0 + 300, "S"));
}

const PAID_AT = Date.parse("2026-01-15T12:03:00Z");

describe("PROTOCOL §7: the customer paid but the notification never arrived", () => {
  test("the inquiry schedule finds the payment and settles it", () => {
    let state = codeIssued();
    expect(nextAction(state, T0 + 300)).toStrictEqual({ type: "inquire", at: T0 + 15_300 });
    state = transition(state, inquiry(T0 + 15_400, "PENDING"));
    expect(nextAction(state, T0 + 15_400)).toStrictEqual({ type: "inquire", at: T0 + 43_400 });
    state = transition(state, inquiry(T0 + 43_500, "SUCCESS"));

    expect(state).toStrictEqual({
      paymentRequestId: REQUEST_ID,
      paymentId: PAYMENT_ID,
      scenario: "OrderCode",
      amount: ORDER_AMOUNT,
      status: "succeeded",
      version: 4,
      createdAt: T0,
      updatedAt: T0 + 43_500,
      expiresAt: EXPIRES_AT,
      code: CODE,
      redirectUrl: null,
      resultCode: "SUCCESS",
      pay: { attempts: 1, lastAt: T0 + 300, lastStatus: "S", acceptedAt: T0 + 300 },
      inquiry: { attempts: 2, lastAt: T0 + 43_500, lastObservation: "SUCCESS", notFoundStreak: 0 },
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
      paid: { source: "inquiry", amount: ORDER_AMOUNT, paidAt: PAID_AT, reportedAt: T0 + 43_500 },
      paidThenCancelled: null,
      mismatch: null,
    });
    expect(nextAction(state, T0 + 43_500)).toStrictEqual({ type: "none" });
  });

  test("the late notification after the inquiry changes nothing", () => {
    const settled = applyAll(codeIssued(), [inquiry(T0 + 2400, "SUCCESS")]);
    expect(transition(settled, paidNotification(T0 + 9 * 60_000))).toBe(settled);
  });
});

describe("PROTOCOL §7: unclear → inquire again", () => {
  test("an unknown inquiry answer moves to the next delay of the schedule", () => {
    const state = applyAll(codeIssued(), [
      inquiryUnknown(T0 + 15_300),
      inquiryUnknown(T0 + 43_300),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.inquiry).toStrictEqual({
      attempts: 2,
      lastAt: T0 + 43_300,
      lastObservation: "UNKNOWN",
      notFoundStreak: 0,
    });
    expect(state.throttledStreak).toBe(0);
    expect(nextAction(state, T0 + 43_300)).toStrictEqual({ type: "inquire", at: T0 + 71_300 });
  });

  test("ORDER_NOT_EXIST after an accepted pay is a lag: inquiries go on until expiry", () => {
    const state = applyAll(codeIssued(), [
      inquiryNotFound(T0 + 15_300),
      inquiryNotFound(T0 + 43_300),
      inquiryNotFound(T0 + 71_300),
      inquiryNotFound(T0 + 99_300),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.inquiry.notFoundStreak).toBe(4);
    expect(nextAction(state, T0 + 99_300)).toStrictEqual({ type: "inquire", at: T0 + 127_300 });
    const found = transition(state, inquiry(T0 + 127_300, "PENDING"));
    expect(found.inquiry.notFoundStreak).toBe(0);
  });

  test("the default schedule: 15 s, then every 28 s, a last look at expiry, then cancel", () => {
    let state = codeIssued();
    const delays: number[] = [];
    let last = T0 + 300;
    for (;;) {
      const action = nextAction(state, last);
      if (action.type !== "inquire" || action.at >= EXPIRES_AT) break;
      delays.push(action.at - last);
      last = action.at;
      state = transition(state, inquiry(action.at, "PENDING"));
    }
    expect(delays).toStrictEqual([15_000, ...Array.from({ length: 20 }, () => 28_000)]);
    expect(EXPIRES_AT - last).toBe(600_000 - 300 - 15_000 - 20 * 28_000);
    expect(nextAction(state, last)).toStrictEqual({ type: "inquire", at: EXPIRES_AT });
    state = transition(state, inquiry(EXPIRES_AT + 200, "PENDING"));
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({
      type: "cancel",
      at: EXPIRES_AT + 200,
      reason: "expired",
    });
  });
});

describe("PROTOCOL §7: failure or timeout → cancel", () => {
  test("a failed payment is closed with a cancel, and a later success is reported as reversed", () => {
    let state = transition(codeIssued(), inquiry(T0 + 2400, "FAIL"));
    expect(state.status).toBe("failed");
    expect(state.resultCode).toBe("USER_BALANCE_NOT_ENOUGH");
    expect(nextAction(state, T0 + 2400)).toStrictEqual({
      type: "cancel",
      at: T0 + 2400,
      reason: "failed",
    });
    state = applyAll(state, [cancelSent(T0 + 2500, "failed"), cancelResult(T0 + 2700, "S")]);
    expect(state.status).toBe("failed");
    expect(state.closedBy).toBe("cancel");
    expect(nextAction(state, T0 + 2700)).toStrictEqual({ type: "none" });
    state = transition(state, paidNotification(T0 + 3000));
    expect(state.status).toBe("reversed");
    expect(state.paidThenCancelled).toStrictEqual({
      amount: ORDER_AMOUNT,
      paidAt: PAID_AT,
      cancelledAt: T0 + 2700,
    });
  });

  test("a rejected pay created no order: nothing to cancel", () => {
    const state = transition(newPayment(), payResult(T0 + 300, "F", "RISK_REJECT"));
    expect(state.status).toBe("failed");
    expect(state.closedBy).toBe("pay_rejected");
    expect(state.resultCode).toBe("RISK_REJECT");
    expect(nextAction(state, T0 + 300)).toStrictEqual({ type: "none" });
  });

  test("timeout: the expiry cancel is retried after 2, 3, 3, 5, 5 s, then slower, until it is answered", () => {
    let state = transition(codeIssued(), inquiry(EXPIRES_AT, "PENDING"));
    const waits: number[] = [];
    let now = EXPIRES_AT;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const action = nextAction(state, now);
      expect(action.type).toBe("cancel");
      if (action.type !== "cancel") return;
      expect(action.reason).toBe("expired");
      waits.push(action.at - now);
      state = applyAll(state, [
        cancelSent(action.at, "expired"),
        cancelResult(action.at + 100, "U"),
      ]);
      now = action.at + 100;
    }
    expect(waits).toStrictEqual([0, 2000, 3000, 3000, 5000, 5000, 7500, 11_250]);
    state = applyAll(state, [cancelSent(now + 20_000, "expired"), cancelResult(now + 20_100, "S")]);
    expect(state.status).toBe("expired");
    expect(state.closedBy).toBe("cancel");
    expect(nextAction(state, now + 20_100)).toStrictEqual({ type: "none" });
  });

  test("a cancel answered ORDER_IS_CLOSED at expiry ends it as expired", () => {
    const state = applyAll(codeIssued(), [
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + 10, "expired"),
      cancelResult(EXPIRES_AT + 200, "F", "ORDER_IS_CLOSED"),
    ]);
    expect(state.status).toBe("expired");
    expect(state.closedBy).toBe("order_closed");
  });
});

describe("PROTOCOL §7: a success after a cancel is reported as paid, then cancelled", () => {
  const cancelling = () =>
    applyAll(codeIssued(), [
      inquiry(EXPIRES_AT, "PENDING"),
      cancelSent(EXPIRES_AT + 10, "expired"),
    ]);

  test("a success while the cancel is in flight is held back, then reversed by the cancel", () => {
    let state = transition(cancelling(), paidNotification(EXPIRES_AT + 50));
    expect(state.status).toBe("awaiting_payment");
    expect(state.paid).toStrictEqual({
      source: "notification",
      amount: ORDER_AMOUNT,
      paidAt: PAID_AT,
      reportedAt: EXPIRES_AT + 50,
    });
    state = transition(state, cancelResult(EXPIRES_AT + 200, "S"));
    expect(state.status).toBe("reversed");
    expect(state.paidThenCancelled).toStrictEqual({
      amount: ORDER_AMOUNT,
      paidAt: PAID_AT,
      cancelledAt: EXPIRES_AT + 200,
    });
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({ type: "none" });
  });

  test("a success after the cancel completed turns expired into reversed", () => {
    const expired = transition(cancelling(), cancelResult(EXPIRES_AT + 200, "S"));
    expect(expired.status).toBe("expired");
    const state = transition(expired, paidNotification(EXPIRES_AT + 60_000));
    expect(state.status).toBe("reversed");
    expect(state.paidThenCancelled).toStrictEqual({
      amount: ORDER_AMOUNT,
      paidAt: PAID_AT,
      cancelledAt: EXPIRES_AT + 200,
    });
  });

  test("a refused cancel (CANCEL_WINDOW_EXCEED) lets the held success stand", () => {
    const state = applyAll(cancelling(), [
      paidNotification(EXPIRES_AT + 50),
      cancelResult(EXPIRES_AT + 200, "F", "CANCEL_WINDOW_EXCEED"),
    ]);
    expect(state.status).toBe("succeeded");
    expect(state.cancel.outcome).toBe("refused");
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({ type: "none" });
  });

  test("an unclear cancel with a held success is settled by an inquiry, not by cancelling again", () => {
    let state = applyAll(cancelling(), [
      paidNotification(EXPIRES_AT + 50),
      cancelResult(EXPIRES_AT + 200, "U"),
    ]);
    expect(state.status).toBe("awaiting_payment");
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT + 200,
    });
    state = transition(state, inquiry(EXPIRES_AT + 300, "SUCCESS"));
    expect(state.status).toBe("succeeded");
    expect(nextAction(state, EXPIRES_AT + 300)).toStrictEqual({ type: "none" });
  });

  test("a success that beat the expiry cancel is checked again once the cancel answers unclearly", () => {
    let state = applyAll(codeIssued(), [
      inquiry(EXPIRES_AT, "PENDING"),
      paidNotification(EXPIRES_AT + 5),
      cancelSent(EXPIRES_AT + 10, "expired"),
    ]);
    expect(state.status).toBe("succeeded");
    expect(nextAction(state, EXPIRES_AT + 10)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT + 10 + 60_000,
    });
    state = transition(state, cancelResult(EXPIRES_AT + 200, "U"));
    expect(nextAction(state, EXPIRES_AT + 200)).toStrictEqual({
      type: "inquire",
      at: EXPIRES_AT + 200,
    });
    const cancelled = transition(state, inquiry(EXPIRES_AT + 300, "CANCELLED"));
    expect(cancelled.status).toBe("reversed");
    const stands = transition(state, inquiry(EXPIRES_AT + 300, "SUCCESS"));
    expect(stands.status).toBe("succeeded");
    expect(nextAction(stands, EXPIRES_AT + 300)).toStrictEqual({ type: "none" });
  });
});

describe("pay whose outcome is unknown", () => {
  test("is re-sent with the same request id up to 3 times, then inquired", () => {
    let state = transition(newPayment(), { type: "pay_error", at: T0 + 500, errorCode: "TIMEOUT" });
    expect(state.status).toBe("creating");
    expect(state.resultCode).toBe("TIMEOUT");
    expect(nextAction(state, T0 + 500)).toStrictEqual({ type: "retry_pay", at: T0 + 1500 });
    state = transition(state, payResult(T0 + 1600, "U"));
    expect(nextAction(state, T0 + 1600)).toStrictEqual({ type: "retry_pay", at: T0 + 3600 });
    state = transition(state, payResult(T0 + 3700, "U"));
    expect(nextAction(state, T0 + 3700)).toStrictEqual({ type: "retry_pay", at: T0 + 6700 });
    state = transition(state, payResult(T0 + 6800, "U"));
    expect(state.pay.attempts).toBe(4);
    expect(nextAction(state, T0 + 6800)).toStrictEqual({ type: "inquire", at: T0 + 21_800 });
  });

  test("a re-send that returns the code opens the payment", () => {
    const state = applyAll(newPayment(), [payResult(T0 + 500, "U"), payResult(T0 + 1600, "S")]);
    expect(state.status).toBe("awaiting_payment");
    expect(state.code).toStrictEqual(CODE);
    expect(state.pay.acceptedAt).toBe(T0 + 1600);
  });

  test("an order that exists without a code anyone can see is cancelled", () => {
    const state = applyAll(newPayment(), [
      payResult(T0 + 500, "U"),
      payResult(T0 + 1600, "U"),
      payResult(T0 + 3700, "U"),
      payResult(T0 + 6800, "U"),
      inquiry(T0 + 21_800, "PENDING"),
    ]);
    expect(nextAction(state, T0 + 21_800)).toStrictEqual({
      type: "cancel",
      at: T0 + 21_800,
      reason: "unknown_pay_result",
    });
    const closed = applyAll(state, [
      cancelSent(T0 + 21_900, "unknown_pay_result"),
      cancelResult(T0 + 22_000, "S"),
    ]);
    expect(closed.status).toBe("failed");
    expect(closed.resultCode).toBe("UNKNOWN_EXCEPTION");
  });

  test("ORDER_NOT_EXIST counts as transient 3 times, then the order is closed for good", () => {
    let state = applyAll(newPayment(), [
      payResult(T0 + 500, "U"),
      payResult(T0 + 1600, "U"),
      payResult(T0 + 3700, "U"),
      payResult(T0 + 6800, "U"),
      inquiryNotFound(T0 + 21_800),
      inquiryNotFound(T0 + 49_800),
    ]);
    expect(nextAction(state, T0 + 49_800)).toStrictEqual({ type: "inquire", at: T0 + 77_800 });
    state = transition(state, inquiryNotFound(T0 + 77_800));
    expect(nextAction(state, T0 + 77_800)).toStrictEqual({
      type: "cancel",
      at: T0 + 77_800,
      reason: "unknown_pay_result",
    });
    state = applyAll(state, [
      cancelSent(T0 + 77_900, "unknown_pay_result"),
      cancelResult(T0 + 78_000, "F", "ORDER_NOT_EXIST"),
    ]);
    expect(state.status).toBe("failed");
    expect(state.resultCode).toBe("ORDER_NOT_EXIST");
    expect(nextAction(state, T0 + 78_000)).toStrictEqual({ type: "none" });
  });

  test("a success notification before any pay answer is a payment", () => {
    const state = applyAll(newPayment(), [paidNotification(T0 + 200), payResult(T0 + 300, "S")]);
    expect(state.status).toBe("succeeded");
    expect(state.code).toStrictEqual(CODE);
  });
});

describe("amounts", () => {
  test("a success for another amount is a mismatch, never paid, and stays so", () => {
    let state = transition(codeIssued(), paidNotification(T0 + 60_000, WRONG_AMOUNT));
    expect(state.status).toBe("mismatch");
    expect(state.paid).toBeNull();
    expect(state.mismatch).toStrictEqual({
      reason: "amount",
      expected: ORDER_AMOUNT,
      received: WRONG_AMOUNT,
      source: "notification",
      at: T0 + 60_000,
    });
    expect(nextAction(state, T0 + 60_000)).toStrictEqual({ type: "none" });
    state = applyAll(state, [paidNotification(T0 + 61_000), inquiry(T0 + 62_000, "SUCCESS")]);
    expect(state.status).toBe("mismatch");
  });

  test("an inquiry SUCCESS without an amount cannot prove payment", () => {
    const state = transition(codeIssued(), {
      ...inquiry(T0 + 2400, "SUCCESS"),
      paymentAmount: null,
    });
    expect(state.status).toBe("awaiting_payment");
    expect(state.inquiry.lastObservation).toBe("SUCCESS");
  });

  test("leading zeros in minor units do not make a mismatch", () => {
    const state = transition(
      codeIssued(),
      paidNotification(T0 + 9000, { currency: "USD", value: "0599" }),
    );
    expect(state.status).toBe("succeeded");
  });
});

describe("merchant cancel", () => {
  test("of an unpaid payment closes it as cancelled", () => {
    let state = transition(codeIssued(), { type: "cancel_requested", at: T0 + 30_000 });
    expect(nextAction(state, T0 + 30_000)).toStrictEqual({
      type: "cancel",
      at: T0 + 30_000,
      reason: "merchant",
    });
    state = applyAll(state, [cancelSent(T0 + 30_010, "merchant"), cancelResult(T0 + 30_200, "S")]);
    expect(state.status).toBe("cancelled");
    expect(state.closedBy).toBe("cancel");
  });

  test("of a paid payment reverses it, or leaves it paid when refused", () => {
    const paid = transition(codeIssued(), paidNotification(T0 + 20_000));
    const requested = transition(paid, { type: "cancel_requested", at: T0 + 30_000 });
    expect(nextAction(requested, T0 + 30_000)).toStrictEqual({
      type: "cancel",
      at: T0 + 30_000,
      reason: "merchant",
    });
    const sent = transition(requested, cancelSent(T0 + 30_010, "merchant"));
    expect(transition(sent, cancelResult(T0 + 30_200, "S")).status).toBe("reversed");
    const refused = transition(sent, cancelResult(T0 + 30_200, "F", "CANCEL_WINDOW_EXCEED"));
    expect(refused.status).toBe("succeeded");
    expect(nextAction(refused, T0 + 30_200)).toStrictEqual({ type: "none" });
  });

  test("after a final unpaid state is ignored", () => {
    const failed = transition(newPayment(), payResult(T0 + 300, "F"));
    expect(transition(failed, { type: "cancel_requested", at: T0 + 400 })).toBe(failed);
  });
});
