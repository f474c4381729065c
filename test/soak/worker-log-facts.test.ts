import { describe, expect, it } from "vitest";
import { type LogEntry, readLogFacts } from "./worker-log-facts.ts";

const AMOUNT = { currency: "USD", value: "1250" };
let seq = 0;
const entry = (kind: string, data: Record<string, unknown>): LogEntry => {
  seq += 1;
  return { seq, at: seq, kind, data };
};
const pay = (attempt: number) =>
  entry("request", {
    operation: "pay",
    attempt,
    body: JSON.stringify({ paymentRequestId: "ik1" }),
  });

describe("readLogFacts", () => {
  it("counts requests per operation, 5xx and U answers, and what decided the status", () => {
    const log = [
      pay(1),
      entry("response", { operation: "pay", attempt: 1, httpStatus: 500, resultStatus: null }),
      pay(2),
      entry("response", { operation: "pay", attempt: 2, httpStatus: 200, resultStatus: "U" }),
      entry("response", {
        operation: "pay",
        status: "U",
        resultCode: "UNKNOWN_EXCEPTION",
        rawBody: "{}",
      }),
      entry("request", { operation: "inquiryPayment", attempt: 1, body: "{}" }),
      entry("request", { operation: "cancel", attempt: 1, body: "{}" }),
      entry("transition", { event: { type: "inquiry_result" }, from: "creating", to: "creating" }),
      entry("transition", { event: { type: "cancel_result" }, from: "creating", to: "failed" }),
    ];
    const facts = readLogFacts(log, AMOUNT);
    expect([
      facts.payRequestIds,
      facts.requests,
      facts.httpErrors,
      facts.unknownAnswers,
    ]).toStrictEqual([["ik1", "ik1"], { pay: 2, inquiryPayment: 1, cancel: 1 }, 1, 1]);
    expect([facts.decidedBy, facts.verifiedSuccess]).toStrictEqual([
      "cancel_result",
      { notification: false, inquiry: false },
    ]);
  });

  it("takes a success only for the order's exact amount", () => {
    const body = (value: string) =>
      JSON.stringify({ result: { resultStatus: "S" }, paymentAmount: { currency: "USD", value } });
    const inquiry = (value: string) =>
      entry("response", {
        operation: "inquiry",
        status: "S",
        rawBody: JSON.stringify({
          paymentStatus: "SUCCESS",
          paymentAmount: { currency: "USD", value },
        }),
      });
    const short = readLogFacts(
      [entry("notification", { requestTime: "t", rawBody: body("1249") }), inquiry("1249")],
      AMOUNT,
    );
    const exact = readLogFacts(
      [entry("notification", { requestTime: "t", rawBody: body("1250") }), inquiry("1250")],
      AMOUNT,
    );
    expect([short.verifiedSuccess, exact.verifiedSuccess]).toStrictEqual([
      { notification: false, inquiry: false },
      { notification: true, inquiry: true },
    ]);
    expect(exact.notifications).toStrictEqual([
      { requestTime: "t", rawBody: body("1250"), unapplied: null },
    ]);
  });

  it("pairs each notification kept unapplied with its reason, and counts calls that timed out", () => {
    const kept = entry("notification", { requestTime: "t1", rawBody: "[]" });
    const applied = entry("notification", { requestTime: "t2", rawBody: "{}" });
    const log = [
      kept,
      applied,
      entry("notification_unapplied", { reason: "BODY_INVALID", notificationSeq: kept.seq }),
      entry("response", { operation: "inquiry", errorCode: "TIMEOUT" }),
      entry("response", { operation: "cancel", errorCode: "NETWORK" }),
      entry("transition", {
        event: { type: "notification", paymentAmount: null },
        from: "awaiting_payment",
        to: "failed",
      }),
    ];
    const facts = readLogFacts(log, AMOUNT);
    expect([facts.notifications, facts.timeouts, facts.decidingEvent]).toStrictEqual([
      [
        { requestTime: "t1", rawBody: "[]", unapplied: "BODY_INVALID" },
        { requestTime: "t2", rawBody: "{}", unapplied: null },
      ],
      1,
      { type: "notification", paymentAmount: null },
    ]);
  });

  it("counts refund calls apart and lets no refund transition decide the payment's status", () => {
    const refund = (operation: string, attempt: number) =>
      entry("request", { operation, attempt, body: JSON.stringify({ refundRequestId: "ik1_r" }) });
    const log = [
      pay(1),
      entry("transition", {
        event: { type: "notification" },
        from: "awaiting_payment",
        to: "succeeded",
      }),
      refund("refund", 1),
      entry("response", { operation: "refund", attempt: 1, httpStatus: 502, resultStatus: null }),
      refund("refund", 2),
      entry("response", { operation: "refund", errorCode: "TIMEOUT" }),
      refund("inquiryRefund", 1),
      entry("transition", {
        event: { type: "refund_inquiry_result" },
        refundRequestId: "ik1_r",
        from: "unclear",
        to: "succeeded",
      }),
    ];
    const facts = readLogFacts(log, AMOUNT);
    expect([
      facts.requests,
      facts.refundRequests,
      facts.httpErrors,
      facts.timeouts,
      facts.decidedBy,
    ]).toStrictEqual([
      { pay: 1, inquiryPayment: 0, cancel: 0 },
      { refund: 2, inquiryRefund: 1 },
      0,
      0,
      "notification",
    ]);
  });
});
