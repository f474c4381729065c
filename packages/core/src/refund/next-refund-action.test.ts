import { describe, expect, it } from "vitest";
import { nextRefundAction, refundAttention } from "./next-refund-action.ts";
import type { RefundEvent } from "./refund-event.ts";
import { DEFAULT_REFUND_SCHEDULE } from "./refund-schedule.ts";
import { createRefunds, type RefundState } from "./refund-state.ts";
import { transitionRefund } from "./transition-refund.ts";

const usd = (value: string) => ({ currency: "USD", value });
const T0 = 1_000_000;

function run(events: RefundEvent[]): RefundState {
  return events.reduce((s, e) => transitionRefund(s, e), createRefunds("oc1"));
}
const requested = (id: string, at: number): RefundEvent => ({
  type: "refund_requested",
  at,
  refundRequestId: id,
  amount: usd("100"),
  reason: "cold coffee",
  paid: usd("500"),
});
const unclear = (id: string, at: number): RefundEvent => ({
  type: "refund_result",
  at,
  refundRequestId: id,
  status: "U",
  resultCode: "PAYMENT_IN_PROCESS",
  refundAmount: null,
});
const processing = (id: string, at: number): RefundEvent => ({
  type: "refund_inquiry_result",
  at,
  refundRequestId: id,
  observation: "PROCESSING",
  resultCode: "SUCCESS",
  refundAmount: null,
});

describe("nextRefundAction", () => {
  it("has nothing to do without refunds in doubt", () => {
    expect(nextRefundAction(createRefunds("oc1"), T0)).toStrictEqual({ type: "none" });
  });

  it("follows up a refund call never answered once its lease has passed", () => {
    const state = run([requested("oc1_a", T0)]);
    expect(nextRefundAction(state, T0)).toStrictEqual({
      type: "inquire",
      refundRequestId: "oc1_a",
      at: T0 + DEFAULT_REFUND_SCHEDULE.leaseMs,
    });
    expect(nextRefundAction(state, T0 + 90_000)).toStrictEqual({
      type: "inquire",
      refundRequestId: "oc1_a",
      at: T0 + 90_000,
    });
  });

  it("inquires 15 s after a U, then 28 s, then growing by 1.5 up to every 10 minutes", () => {
    let state = run([requested("oc1_a", T0), unclear("oc1_a", T0 + 300)]);
    const gaps: number[] = [];
    let last = T0 + 300;
    for (let n = 0; n < 12; n += 1) {
      const action = nextRefundAction(state, 0);
      if (action.type !== "inquire") throw new Error("expected an inquiry");
      gaps.push(action.at - last);
      last = action.at;
      state = transitionRefund(state, processing("oc1_a", action.at));
    }
    expect(gaps).toStrictEqual([
      15_000, 28_000, 42_000, 63_000, 94_500, 141_750, 212_625, 318_938, 478_406, 600_000, 600_000,
      600_000,
    ]);
  });

  it("picks the refund whose turn comes first, and none once every one is settled or flagged", () => {
    const state = run([
      requested("oc1_a", T0),
      requested("oc1_b", T0 + 10),
      unclear("oc1_b", T0 + 20),
    ]);
    expect(nextRefundAction(state, T0)).toStrictEqual({
      type: "inquire",
      refundRequestId: "oc1_b",
      at: T0 + 15_020,
    });
    let flagged = state;
    for (let n = 1; n <= 40; n += 1)
      flagged = transitionRefund(flagged, processing("oc1_b", T0 + 20 + n));
    expect(nextRefundAction(flagged, T0)).toStrictEqual({
      type: "inquire",
      refundRequestId: "oc1_a",
      at: T0 + 60_000,
    });
    expect(refundAttention(flagged)).toStrictEqual({ reason: "REFUND_UNSETTLED", since: T0 + 60 });
    expect(refundAttention(state)).toBe(null);
  });
});
