import { describe, expect, it } from "vitest";
import { checkRefunds, refundCalls, tapProblems } from "./check-refunds.ts";
import type { RefundAnswer, TapRun } from "./drive-refunds.ts";
import type { PlannedTap } from "./refund-plan.ts";
import {
  answer,
  evidence,
  heldEvidence,
  ID1,
  ID2,
  ledgerRefund,
  replay,
  request,
  tap,
  view,
} from "./test-refund-evidence.ts";

describe("checkRefunds", () => {
  it("passes refunds that match the ledger and the plan, and counts how they were answered", () => {
    expect(checkRefunds(evidence())).toStrictEqual({
      problems: [],
      doubleRefunds: 0,
      totalsDiffer: false,
      beyondPaid: false,
      offPlan: false,
      counts: {
        intents: 2,
        requests: 2,
        created: 1,
        replays: 0,
        keyReused: 0,
        exceeded: 1,
        cutOff: 0,
        succeeded: 1,
        failed: 0,
        processing: 0,
      },
    });
  });

  it("counts a refund the gateway made under an id no key gives as a double refund", () => {
    const verdict = checkRefunds(
      evidence({
        ledgerRefunded: "1200",
        ledgerRefunds: [ledgerRefund(ID1, "600"), ledgerRefund("ik1_cccccccccccccccc", "600")],
      }),
    );
    expect([verdict.doubleRefunds, verdict.totalsDiffer, verdict.beyondPaid]).toStrictEqual([
      1,
      true,
      true,
    ]);
    expect(verdict.problems).toStrictEqual([
      "double refunds: 0 ids refunded twice, 1 refunds under unknown ids (ik1_cccccccccccccccc)",
      "refunded: gateway 1200 (its refunds add up to 1200), Worker 600 (its succeeded refunds 600)",
      "refunded beyond the paid 1000: gateway 1200, Worker 600",
    ]);
  });

  it("fails a refund accepted beyond what was paid, and one recorded for a refused tap", () => {
    const base = evidence();
    const accepted = evidence({
      run: {
        ...base.run,
        taps: [
          base.run.taps[0] as TapRun,
          { tap: base.run.plan.taps[1] as PlannedTap, answers: [answer(201, ID2)] },
        ],
      },
      view: {
        refunded: { currency: "USD", value: "1200" },
        refunds: [view(ID1, "600"), view(ID2, "600")],
        attention: null,
      },
      log: [request("refund", ID1), request("refund", ID2)],
      ledgerRefunded: "1200",
      ledgerRefunds: [ledgerRefund(ID1, "600"), ledgerRefund(ID2, "600")],
    });
    const verdict = checkRefunds(accepted);
    expect([verdict.beyondPaid, verdict.offPlan, verdict.doubleRefunds]).toStrictEqual([
      true,
      true,
      0,
    ]);
    expect(verdict.problems).toStrictEqual([
      "tap k2 (once, expect exceeded): got 201",
      `refund ${ID2} was refused, yet recorded`,
      "refunded 1200, the plan refunds 600",
      "refunded beyond the paid 1000: gateway 1200, Worker 1200",
    ]);
  });

  it("fails totals that differ between the gateway and the Worker, and a refund not final", () => {
    const verdict = checkRefunds(
      evidence({
        view: {
          refunded: { currency: "USD", value: "0" },
          refunds: [view(ID1, "600", "processing")],
          attention: null,
        },
      }),
    );
    expect(verdict.totalsDiffer).toBe(true);
    expect(verdict.counts.processing).toBe(1);
    expect(verdict.problems).toStrictEqual([
      "refunded: gateway 600 (its refunds add up to 600), Worker 0 (its succeeded refunds 0)",
      "refunded 0, the plan refunds 600",
      "1 refunds not final",
    ]);
  });

  it("fails a refund sent as a second call, and one cut off by the restart that was never inquired about", () => {
    expect(
      checkRefunds(evidence({ log: [request("refund", ID1), request("refund", ID1)] })).problems,
    ).toStrictEqual([`refund ${ID1} was sent as 2 calls`]);
    const retried = [request("refund", ID1, 1), request("refund", ID1, 2)];
    expect(checkRefunds(evidence({ log: retried })).problems).toStrictEqual([]);
    expect(checkRefunds(heldEvidence(false)).problems).toStrictEqual([
      `refund ${ID1}, cut off by the restart, was never inquired about`,
    ]);
    expect(checkRefunds(heldEvidence()).problems).toStrictEqual([]);
  });
});

describe("tapProblems", () => {
  const run = (t: PlannedTap, ...answers: RefundAnswer[]): TapRun => ({ tap: t, answers });

  it("wants one 201 and one replay of a double tap, for the key's refund id", () => {
    const double = tap("k1", "600", { send: "twice-at-once" });
    expect(tapProblems(run(double, answer(201, ID1), replay(ID1)), ID1)).toStrictEqual([]);
    expect(tapProblems(run(double, answer(201, ID1), answer(201, ID1)), ID1)).toStrictEqual([
      "tap k1 (twice-at-once, expect created): got 201, 201",
    ]);
    expect(tapProblems(run(double, answer(201, ID1), replay(ID2)), ID1)).toStrictEqual([
      `tap k1 (twice-at-once, expect created): got 201, 201 (replay); answered for another refund id than ${ID1}`,
    ]);
  });

  it("wants a timed-out tap's retry answered 201 (first or replayed), and conflicts with their codes", () => {
    const retried = tap("k1", "600", { send: "timeout-then-retry" });
    expect(
      tapProblems(run(retried, answer(null, null, "TimeoutError"), replay(ID1)), ID1),
    ).toStrictEqual([]);
    expect(
      tapProblems(
        run(
          retried,
          answer(null, null, "TimeoutError"),
          answer(422, null, "REFUND_AMOUNT_EXCEEDED"),
        ),
        ID1,
      ),
    ).toStrictEqual([
      "tap k1 (timeout-then-retry, expect created): got cut off (TimeoutError), 422 REFUND_AMOUNT_EXCEEDED",
    ]);
    const reused = tap("k1", "601", { expect: "key-reused" });
    expect(
      tapProblems(run(reused, answer(409, null, "IDEMPOTENCY_KEY_REUSED")), ID1),
    ).toStrictEqual([]);
    expect(
      tapProblems(run(reused, answer(409, null, "PAYMENT_NOT_REFUNDABLE")), ID1),
    ).toStrictEqual(["tap k1 (once, expect key-reused): got 409 PAYMENT_NOT_REFUNDABLE"]);
  });
});

describe("refundCalls", () => {
  it("counts calls (first attempts), attempts and inquiries per refund id", () => {
    const log = [
      request("refund", ID1, 1),
      request("refund", ID1, 2),
      request("inquiryRefund", ID1),
      request("refund", ID2),
    ];
    expect(Object.fromEntries(refundCalls(log))).toStrictEqual({
      [ID1]: { calls: 1, attempts: 2, inquiries: 1 },
      [ID2]: { calls: 1, attempts: 1, inquiries: 0 },
    });
  });
});
