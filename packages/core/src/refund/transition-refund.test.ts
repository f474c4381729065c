import { describe, expect, it } from "vitest";
import type { RefundEvent } from "./refund-event.ts";
import { createRefunds, type RefundRecord, type RefundState } from "./refund-state.ts";
import { refundRefusal, refundTotals } from "./refund-totals.ts";
import { transitionRefund } from "./transition-refund.ts";

const usd = (value: string) => ({ currency: "USD", value });
const PAID = usd("500");
const T0 = 1_000_000;

const requested = (id: string, value: string, at = T0): RefundEvent => ({
  type: "refund_requested",
  at,
  refundRequestId: id,
  amount: usd(value),
  reason: null,
  paid: PAID,
});
const answer = (
  id: string,
  status: "S" | "F" | "U",
  resultCode: string,
  at: number,
  refundAmount: { currency: string; value: string } | null = null,
): RefundEvent => ({
  type: "refund_result",
  at,
  refundRequestId: id,
  status,
  resultCode,
  refundAmount,
});
const inquiry = (
  id: string,
  observation: "SUCCESS" | "FAIL" | "PROCESSING" | "ORDER_NOT_EXIST" | "UNKNOWN",
  at: number,
  refundAmount: { currency: string; value: string } | null = null,
): RefundEvent => ({
  type: "refund_inquiry_result",
  at,
  refundRequestId: id,
  observation,
  resultCode: observation === "ORDER_NOT_EXIST" ? "ORDER_NOT_EXIST" : "SUCCESS",
  refundAmount,
});

function run(events: RefundEvent[], state: RefundState = createRefunds("oc1")): RefundState {
  return events.reduce((s, e) => transitionRefund(s, e), state);
}

const only = (state: RefundState): RefundRecord => {
  const [record] = state.refunds;
  if (record === undefined) throw new Error("expected a refund");
  return record;
};

describe("transitionRefund", () => {
  it("records a requested refund as sending, before any answer", () => {
    expect(run([requested("oc1_a", "400")])).toStrictEqual({
      paymentRequestId: "oc1",
      refunds: [
        {
          refundRequestId: "oc1_a",
          amount: usd("400"),
          reason: null,
          status: "sending",
          refunded: null,
          resultCode: null,
          requestedAt: T0,
          answeredAt: null,
          inquiries: 0,
          notFound: 0,
          lastInquiryAt: null,
          attention: null,
          updatedAt: T0,
          version: 1,
        },
      ],
      version: 1,
      updatedAt: T0,
    });
  });

  it("refuses a second request under a recorded id, and one past the paid amount counting those in flight", () => {
    const first = run([requested("oc1_a", "400")]);
    expect(transitionRefund(first, requested("oc1_a", "100", T0 + 1))).toBe(first);
    expect(transitionRefund(first, requested("oc1_b", "101", T0 + 1))).toBe(first);
    expect(refundRefusal(first, usd("101"), PAID)).toStrictEqual({
      code: "REFUND_AMOUNT_EXCEEDED",
      message: "expected at most 100 (minor units) still refundable; got 101",
    });
    expect(refundRefusal(first, { currency: "EUR", value: "1" }, PAID)).toStrictEqual({
      code: "REFUND_AMOUNT_EXCEEDED",
      message: "expected a refund in USD, the payment's currency; got EUR",
    });
    const second = transitionRefund(first, requested("oc1_b", "100", T0 + 1));
    expect(second.refunds.map((r) => r.refundRequestId)).toStrictEqual(["oc1_a", "oc1_b"]);
  });

  it("settles on S, and releases the amount of a refused refund", () => {
    const state = run([
      requested("oc1_a", "400"),
      answer("oc1_a", "S", "SUCCESS", T0 + 300, usd("400")),
      requested("oc1_b", "100", T0 + 400),
      answer("oc1_b", "F", "REFUND_WINDOW_EXCEED", T0 + 700),
    ]);
    expect(state.refunds.map((r) => [r.status, r.resultCode, r.refunded])).toStrictEqual([
      ["succeeded", "SUCCESS", usd("400")],
      ["failed", "REFUND_WINDOW_EXCEED", null],
    ]);
    expect(refundTotals(state, "USD")).toStrictEqual({ refunded: 400n, pending: 0n });
    expect(refundRefusal(state, usd("100"), PAID)).toBe(null);
  });

  it("keeps a refund answered U unclear, and never fails it on REPEAT_REQ_INCONSISTENT", () => {
    const unclear = run([
      requested("oc1_a", "400"),
      answer("oc1_a", "U", "PAYMENT_IN_PROCESS", T0 + 300),
    ]);
    expect([only(unclear).status, only(unclear).answeredAt]).toStrictEqual(["unclear", T0 + 300]);
    const repeat = transitionRefund(
      unclear,
      answer("oc1_a", "F", "REPEAT_REQ_INCONSISTENT", T0 + 900),
    );
    expect(repeat).toBe(unclear);
    const settled = transitionRefund(repeat, inquiry("oc1_a", "SUCCESS", T0 + 15_300, usd("400")));
    expect([only(settled).status, only(settled).version]).toStrictEqual(["succeeded", 3]);
    // A first answer REPEAT_REQ_INCONSISTENT makes it unclear, not failed.
    const fresh = run([
      requested("oc1_a", "400"),
      answer("oc1_a", "F", "REPEAT_REQ_INCONSISTENT", T0 + 300),
    ]);
    expect([only(fresh).status, only(fresh).resultCode]).toStrictEqual([
      "unclear",
      "REPEAT_REQ_INCONSISTENT",
    ]);
  });

  it("flags a success for another amount: another refund holds the id", () => {
    const state = run([
      requested("oc1_a", "400"),
      answer("oc1_a", "F", "REPEAT_REQ_INCONSISTENT", T0 + 300),
      inquiry("oc1_a", "SUCCESS", T0 + 15_300, usd("300")),
    ]);
    expect([only(state).status, only(state).resultCode, only(state).attention]).toStrictEqual([
      "unclear",
      "REFUND_AMOUNT_MISMATCH",
      { reason: "REFUND_UNSETTLED", since: T0 + 15_300 },
    ]);
    expect(refundTotals(state, "USD")).toStrictEqual({ refunded: 0n, pending: 400n });
  });

  it("fails on ORDER_NOT_EXIST only after the limit, in a row, and past the lease", () => {
    const base = [requested("oc1_a", "400"), answer("oc1_a", "U", "UNKNOWN_EXCEPTION", T0 + 300)];
    const early = run([
      ...base,
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 15_300),
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 43_300),
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 50_000),
    ]);
    expect([only(early).status, only(early).notFound]).toStrictEqual(["unclear", 3]);
    const broken = run([
      ...base,
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 15_300),
      inquiry("oc1_a", "PROCESSING", T0 + 43_300),
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 85_300),
      inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 128_000),
    ]);
    expect([only(broken).status, only(broken).notFound]).toStrictEqual(["unclear", 2]);
    const gone = transitionRefund(early, inquiry("oc1_a", "ORDER_NOT_EXIST", T0 + 60_300));
    expect([only(gone).status, only(gone).resultCode]).toStrictEqual(["failed", "ORDER_NOT_EXIST"]);
  });

  it("flags REFUND_UNSETTLED at the inquiry limit; only a verdict lifts it", () => {
    let state = run([requested("oc1_a", "400"), answer("oc1_a", "U", "UNKNOWN_EXCEPTION", T0 + 1)]);
    for (let n = 1; n <= 40; n += 1)
      state = transitionRefund(state, inquiry("oc1_a", "PROCESSING", T0 + n * 1000));
    expect([only(state).inquiries, only(state).attention]).toStrictEqual([
      40,
      { reason: "REFUND_UNSETTLED", since: T0 + 40_000 },
    ]);
    expect(transitionRefund(state, inquiry("oc1_a", "PROCESSING", T0 + 41_000))).toBe(state);
    const failed = transitionRefund(state, inquiry("oc1_a", "FAIL", T0 + 42_000));
    expect([only(failed).status, only(failed).attention]).toStrictEqual(["failed", null]);
  });

  it("ignores repeats, stale inquiries, unknown ids and anything after a verdict", () => {
    const unclear = run([
      requested("oc1_a", "400"),
      answer("oc1_a", "U", "UNKNOWN_EXCEPTION", T0 + 300),
      inquiry("oc1_a", "PROCESSING", T0 + 15_300),
    ]);
    expect(transitionRefund(unclear, inquiry("oc1_a", "PROCESSING", T0 + 15_300))).toBe(unclear);
    expect(transitionRefund(unclear, answer("oc1_b", "S", "SUCCESS", T0 + 16_000))).toBe(unclear);
    const done = transitionRefund(unclear, answer("oc1_a", "S", "SUCCESS", T0 + 16_000));
    expect(transitionRefund(done, answer("oc1_a", "F", "PROCESS_FAIL", T0 + 17_000))).toBe(done);
    expect(transitionRefund(done, inquiry("oc1_a", "FAIL", T0 + 17_000))).toBe(done);
  });

  it("throws a TypeError on events it cannot read", () => {
    const state = createRefunds("oc1");
    expect(() => transitionRefund(state, { type: "refund" } as unknown as RefundEvent)).toThrow(
      'transitionRefund: expected a refund event with a known "type", got {"type":"refund"}.',
    );
    expect(() => transitionRefund(state, { ...requested("oc1_a", "1"), at: Number.NaN })).toThrow(
      'transitionRefund: expected "at" in epoch ms on refund_requested, got NaN.',
    );
  });
});
