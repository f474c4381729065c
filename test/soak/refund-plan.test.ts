import { describe, expect, it } from "vitest";
import {
  endsPaid,
  expectedRefunded,
  type PlannedRefunds,
  planRefunds,
  RESTART_REFUNDS_PER_HUNDRED,
  refundsAreSlow,
} from "./refund-plan.ts";
import { planPayments } from "./soak-plan.ts";

/** Replays a plan's taps the way the Worker counts: confirmed plus in flight plus the new one. */
function refusedByArithmetic(refunds: PlannedRefunds, paid: bigint): string[] {
  const taken = new Map<string, bigint>();
  const wrong: string[] = [];
  for (const tap of refunds.taps) {
    if (taken.has(tap.key)) continue;
    const used = [...taken.values()].reduce((sum, n) => sum + n, 0n);
    const fits = used + BigInt(tap.amount) <= paid;
    if (tap.expect === "exceeded" && fits) wrong.push(`${tap.key} fits`);
    if (tap.expect === "created" && !fits) wrong.push(`${tap.key} exceeds`);
    if (tap.expect === "created") taken.set(tap.key, BigInt(tap.amount));
  }
  return wrong;
}

describe("planRefunds", () => {
  const payments = planPayments(1000, 1);
  const plan = planRefunds(payments, 1);

  it("gives the same plan for the same seed, and leaves the payments' plan as it was", () => {
    expect(planRefunds(planPayments(300, 5), 5)).toStrictEqual(
      planRefunds(planPayments(300, 5), 5),
    );
    expect(planRefunds(planPayments(300, 6), 6)).not.toStrictEqual(
      planRefunds(planPayments(300, 5), 5),
    );
    expect(planPayments(1000, 1)).toStrictEqual(payments);
  });

  it("refunds only payments that end paid, holding the first three of every hundred across the restart", () => {
    const byIndex = new Map(payments.map((p) => [p.index, p]));
    const unpaid = plan.filter((r) => {
      const payment = byIndex.get(r.index);
      return payment === undefined || !endsPaid(payment);
    });
    expect(unpaid).toStrictEqual([]);
    const restart = plan.filter((r) => r.phase === "restart");
    const perHundred = Array.from(
      { length: 10 },
      (_, h) => restart.filter((r) => Math.floor(r.index / 100) === h).length,
    );
    expect(perHundred).toStrictEqual(Array(10).fill(RESTART_REFUNDS_PER_HUNDRED));
    const firstPaid = Array.from({ length: 10 }, (_, h) =>
      payments
        .filter((p) => Math.floor(p.index / 100) === h && endsPaid(p))
        .slice(0, RESTART_REFUNDS_PER_HUNDRED)
        .map((p) => p.index),
    ).flat();
    expect(restart.map((r) => r.index)).toStrictEqual(firstPaid);
    expect(new Set(restart.map((r) => r.script))).toStrictEqual(new Set(["restart"]));
    expect(restart.map((r) => r.faults.map((f) => f.kind))).toStrictEqual(
      restart.map(() => ["hang"]),
    );
  });

  it("draws every script, and a refunded share near the planned rate", () => {
    const pool = plan.filter((r) => r.phase === "pool");
    expect(new Set(pool.map((r) => r.script)).size).toBe(8);
    const paid = payments.filter(endsPaid).length - 30;
    expect(pool.length / paid).toBeGreaterThan(0.3);
    expect(pool.length / paid).toBeLessThan(0.4);
  });

  it("expects 422 exactly where confirmed plus in-flight refunds plus the new one exceed the paid amount", () => {
    for (const seed of [1, 2, 3]) {
      const some = planPayments(500, seed);
      const wrong = planRefunds(some, seed).flatMap((r) =>
        refusedByArithmetic(r, BigInt(some[r.index]?.amount ?? "0")).map((w) => `${r.index}: ${w}`),
      );
      expect(wrong).toStrictEqual([]);
    }
  });

  it("never plans refunds beyond what was paid, and refunds in full where the script says so", () => {
    const over = plan.filter((r) => expectedRefunded(r) > BigInt(payments[r.index]?.amount ?? "0"));
    expect(over).toStrictEqual([]);
    const full = plan.filter(
      (r) =>
        r.script === "full" || r.script === "full-in-parts" || r.script === "in-flight-exceeds",
    );
    expect(
      full.filter((r) => expectedRefunded(r) !== BigInt(payments[r.index]?.amount ?? "0")),
    ).toStrictEqual([]);
  });

  it("counts a key once in the expected total, and refused or conflicting taps not at all", () => {
    const refunds: PlannedRefunds = {
      index: 0,
      script: "key-reused",
      phase: "pool",
      faults: [],
      taps: [
        { key: "k1", amount: "300", reason: null, send: "once", expect: "created", held: false },
        { key: "k1", amount: "301", reason: null, send: "once", expect: "key-reused", held: false },
        { key: "k1", amount: "300", reason: null, send: "once", expect: "replay", held: false },
        { key: "k2", amount: "900", reason: null, send: "once", expect: "exceeded", held: false },
        {
          key: "k3",
          amount: "200",
          reason: null,
          send: "twice-at-once",
          expect: "created",
          held: false,
        },
      ],
    };
    expect(expectedRefunded(refunds)).toBe(500n);
  });

  it("aims inquiry faults only where a refund call ends unclear", () => {
    const lonely = plan.filter(
      (r) =>
        r.faults.some((f) => f.apis?.includes("inquiryRefund")) &&
        !r.faults.some(
          (f) => f.kind === "unknown-result" && f.apis?.includes("refund") && f.count === 3,
        ) &&
        !r.faults.some(
          (f) => f.kind === "http-error" && f.apis?.includes("refund") && f.count === 3,
        ) &&
        !r.faults.some((f) => f.label?.includes("call ends TIMEOUT")),
    );
    expect(lonely).toStrictEqual([]);
  });

  it("calls slow only refunds during the run with an answer stalled or held past the deadline", () => {
    expect(plan.filter((r) => r.phase === "restart" && refundsAreSlow(r))).toStrictEqual([]);
    const heldBriefly = plan.filter(
      (r) =>
        r.phase === "pool" &&
        r.faults.every((f) => f.kind !== "stall-body" && (f.kind !== "hang" || f.delayMs === 1500)),
    );
    expect(heldBriefly.length).toBeGreaterThan(0);
    expect(heldBriefly.filter(refundsAreSlow)).toStrictEqual([]);
    const stalled = plan.filter((r) =>
      r.faults.some((f) => f.label?.startsWith("stall-body refund")),
    );
    expect(stalled.length).toBeGreaterThan(0);
    expect(stalled.filter((r) => !refundsAreSlow(r))).toStrictEqual([]);
    expect(refundsAreSlow(undefined)).toBe(false);
  });
});
