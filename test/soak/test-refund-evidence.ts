/** Refund evidence for the soak's unit tests: one paid payment of 1000 and its refunds. */
import type { RefundView } from "@ams-edge/core/api";
import type { SandboxRefundView } from "@ams-edge/sandbox";
import type { RefundEvidence } from "./check-refunds.ts";
import type { RefundAnswer, RefundRun, TapRun } from "./drive-refunds.ts";
import type { PlannedRefunds, PlannedTap } from "./refund-plan.ts";
import type { LogEntry } from "./worker-log-facts.ts";

export const ID1 = "ik1_aaaaaaaaaaaaaaaa";
export const ID2 = "ik1_bbbbbbbbbbbbbbbb";
export const KEY_IDS = new Map([
  ["k1", ID1],
  ["k2", ID2],
]);

export const tap = (key: string, amount: string, more: Partial<PlannedTap> = {}): PlannedTap => ({
  key,
  amount,
  reason: null,
  send: "once",
  expect: "created",
  held: false,
  ...more,
});
export const answer = (
  status: number | null,
  refundRequestId: string | null,
  code: string | null = null,
): RefundAnswer => ({
  status,
  refundRequestId,
  refundStatus: status === 201 ? "succeeded" : null,
  code,
  replayed: false,
  at: 0,
});
/** A replay: the first answer (201) again, marked `Idempotent-Replayed`. */
export const replay = (refundRequestId: string): RefundAnswer => ({
  ...answer(201, refundRequestId),
  replayed: true,
});
export const view = (
  refundRequestId: string,
  value: string,
  status: RefundView["status"] = "succeeded",
): RefundView => ({
  refundRequestId,
  status,
  amount: { currency: "USD", value },
  reason: null,
  resultCode: "SUCCESS",
});
export const ledgerRefund = (refundRequestId: string, value: string): SandboxRefundView => ({
  refundRequestId,
  refundId: `r-${refundRequestId}`,
  amount: { currency: "USD", value },
  reason: null,
  createdAt: "2026-12-05T20:00:00.000Z",
});
let seq = 0;
export const request = (operation: string, refundRequestId: string, attempt = 1): LogEntry => {
  seq += 1;
  return {
    seq,
    at: seq,
    kind: "request",
    data: { operation, attempt, body: JSON.stringify({ refundRequestId }) },
  };
};

/** A payment of 1000 refunded 600 (k1), then refused 600 more (k2). */
export function evidence(
  more: Partial<RefundEvidence> = {},
  phase: PlannedRefunds["phase"] = "pool",
): RefundEvidence {
  const taps = [tap("k1", "600"), tap("k2", "600", { expect: "exceeded" })];
  const plan: PlannedRefunds = { index: 4, script: "full", phase, taps, faults: [] };
  const tapRuns: TapRun[] = [
    { tap: taps[0] as PlannedTap, answers: [answer(201, ID1)] },
    { tap: taps[1] as PlannedTap, answers: [answer(422, null, "REFUND_AMOUNT_EXCEEDED")] },
  ];
  const run: RefundRun = {
    plan,
    paymentRequestId: "ik1",
    taps: tapRuns,
    faultIds: [],
    settledMs: new Map([[ID1, 120]]),
    problems: [],
  };
  return {
    run,
    keyIds: KEY_IDS,
    paid: "1000",
    view: {
      refunded: { currency: "USD", value: "600" },
      refunds: [view(ID1, "600")],
      attention: null,
    },
    log: [request("refund", ID1)],
    ledgerRefunded: "600",
    ledgerRefunds: [ledgerRefund(ID1, "600")],
    ...more,
  };
}

/**
 * A refund of 600 held across the restart: its first request cut off, the retry a replay, and
 * the refund settled by an inquiry (`inquired: false` leaves the inquiry out of the log).
 */
export function heldEvidence(inquired = true): RefundEvidence {
  const held = tap("k1", "600", { held: true });
  const base = evidence({}, "restart");
  return {
    ...base,
    keyIds: new Map([["k1", ID1]]),
    run: {
      ...base.run,
      plan: { ...base.run.plan, script: "restart", taps: [held] },
      taps: [{ tap: held, answers: [answer(null, null, "TypeError"), replay(ID1)] }],
    },
    log: inquired
      ? [request("refund", ID1), request("inquiryRefund", ID1)]
      : [request("refund", ID1)],
  };
}
