import {
  createPayment,
  DEFAULT_PAYMENT_SCHEDULE,
  type InquiryRefundResponseOutput,
  type PaymentState,
  type RefundRecord,
} from "@ams-edge/core";
import { describe, expect, it } from "vitest";
import type { CallOutcome } from "../src/payment-object/gateway-events.ts";
import {
  judgeRefundInquiry,
  type RefundInquiryRecord,
  refundInquirySchedule,
  refundInquiryTimes,
} from "../src/payment-object/refund-inquiry.ts";

const schedule = refundInquirySchedule(DEFAULT_PAYMENT_SCHEDULE, 1);
const usd = (value: string) => ({ currency: "USD", value });
const unclear = (at: number, value = "500"): RefundRecord => ({
  status: "U",
  amount: usd(value),
  resultCode: "PAYMENT_IN_PROCESS",
  at,
});

function paid(refunds: Record<string, RefundRecord>): PaymentState {
  const state = createPayment({
    paymentRequestId: "oc1",
    scenario: "OrderCode",
    amount: usd("1250"),
    createdAt: 0,
    expiresAt: 600_000,
  });
  return { ...state, status: "succeeded", paymentId: "p1", refunds };
}

function answered(
  status: "S" | "F" | "U",
  resultCode: string,
  data: Partial<InquiryRefundResponseOutput> = {},
): CallOutcome<InquiryRefundResponseOutput> {
  const base = { resultCode, resultMessage: "", rawBody: "{}", httpStatus: 200 };
  const result = { resultCode, resultStatus: status, resultMessage: "" };
  return {
    result:
      status === "S"
        ? { ...base, ok: true, status, data: { result, ...data } }
        : { ...base, ok: false, status, data: { result } },
  };
}

describe("refundInquirySchedule", () => {
  it("takes the payment's inquiry delays and slows down to every 10 minutes (scaled)", () => {
    expect(schedule).toStrictEqual({
      delaysMs: [15_000, 28_000],
      backoff: 1.5,
      maxDelayMs: 600_000,
      notFoundLimit: 3,
      leaseMs: 60_000,
    });
    expect(refundInquirySchedule(DEFAULT_PAYMENT_SCHEDULE, 20).maxDelayMs).toBe(30_000);
  });
});

describe("refundInquiryTimes", () => {
  it("lists the unclear refunds of a paid payment, soonest first, on the schedule", () => {
    const state = paid({
      r_first: unclear(10_000),
      r_done: { ...unclear(1000), status: "S" },
      r_later: unclear(20_000),
      r_slow: unclear(5000),
    });
    const records = new Map<string, RefundInquiryRecord>([
      ["r_later", { refundRequestId: "r_later", attempts: 1, notFound: 0, lastAt: 22_000 }],
      ["r_slow", { refundRequestId: "r_slow", attempts: 20, notFound: 0, lastAt: 100_000 }],
    ]);
    expect(refundInquiryTimes(state, records, schedule)).toStrictEqual([
      { refundRequestId: "r_first", at: 25_000 },
      { refundRequestId: "r_later", at: 50_000 },
      { refundRequestId: "r_slow", at: 700_000 },
    ]);
    // Past the payment's list (15 s, 28 s) the delay grows by the backoff: 28 s × 1.5.
    const third = new Map([
      ["r_first", { refundRequestId: "r_first", attempts: 2, notFound: 0, lastAt: 50_000 }],
    ]);
    expect(refundInquiryTimes(paid({ r_first: unclear(10_000) }), third, schedule)).toStrictEqual([
      { refundRequestId: "r_first", at: 92_000 },
    ]);
  });

  it("asks nothing once the payment is no longer paid", () => {
    const state = { ...paid({ r1: unclear(0) }), status: "reversed" as const };
    expect(refundInquiryTimes(state, new Map(), schedule)).toStrictEqual([]);
  });
});

describe("judgeRefundInquiry", () => {
  const input = {
    refundRequestId: "oc1_r1",
    refund: unclear(1000),
    record: undefined,
    at: 3000,
    schedule,
  };

  it("settles on SUCCESS with the amount the gateway refunded, and on FAIL", () => {
    expect(
      judgeRefundInquiry({
        ...input,
        outcome: answered("S", "SUCCESS", { refundStatus: "SUCCESS", refundAmount: usd("500") }),
      }),
    ).toStrictEqual({
      settled: {
        type: "refund_result",
        at: 3000,
        refundRequestId: "oc1_r1",
        status: "S",
        resultCode: "SUCCESS",
        refundAmount: usd("500"),
      },
      record: null,
    });
    expect(
      judgeRefundInquiry({ ...input, outcome: answered("S", "SUCCESS", { refundStatus: "FAIL" }) }),
    ).toStrictEqual({
      settled: {
        type: "refund_result",
        at: 3000,
        refundRequestId: "oc1_r1",
        status: "F",
        resultCode: "FAIL",
        refundAmount: usd("500"),
      },
      record: null,
    });
  });

  it("stays unclear on PROCESSING, a U answer or a transport failure, counting the attempt", () => {
    const record = { refundRequestId: "oc1_r1", attempts: 2, notFound: 2, lastAt: 2000 };
    const expected = {
      settled: null,
      record: { refundRequestId: "oc1_r1", attempts: 3, notFound: 0, lastAt: 3000 },
    };
    for (const outcome of [
      answered("S", "SUCCESS", { refundStatus: "PROCESSING" }),
      answered("U", "UNKNOWN_EXCEPTION"),
      answered("F", "ACCESS_DENIED"),
      { error: Object.assign(new Error("timed out"), { code: "TIMEOUT" }) },
    ]) {
      expect(judgeRefundInquiry({ ...input, record, outcome })).toStrictEqual(expected);
    }
  });

  it("fails a refund the gateway keeps not finding, only after the limit and the lease", () => {
    const notFound = answered("F", "ORDER_NOT_EXIST");
    const record = (count: number, lastAt: number) => ({
      refundRequestId: "oc1_r1",
      attempts: count,
      notFound: count,
      lastAt,
    });
    expect(
      judgeRefundInquiry({ ...input, record: record(1, 2000), outcome: notFound }),
    ).toStrictEqual({ settled: null, record: record(2, 3000) });
    // The third miss, but the refund was answered less than a lease ago: it may still land.
    expect(
      judgeRefundInquiry({ ...input, record: record(2, 9000), at: 60_999, outcome: notFound }),
    ).toStrictEqual({ settled: null, record: record(3, 60_999) });
    expect(
      judgeRefundInquiry({ ...input, record: record(3, 60_999), at: 61_000, outcome: notFound }),
    ).toStrictEqual({
      settled: {
        type: "refund_result",
        at: 61_000,
        refundRequestId: "oc1_r1",
        status: "F",
        resultCode: "ORDER_NOT_EXIST",
        refundAmount: usd("500"),
      },
      record: null,
    });
  });
});
