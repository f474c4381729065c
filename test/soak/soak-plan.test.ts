import { magicAmountFor } from "@ams-edge/sandbox";
import { describe, expect, it } from "vitest";
import { planPayments } from "./soak-plan.ts";
import { SCENARIOS } from "./soak-scenarios.ts";

const MAGIC_BY_SCENARIO: Record<string, readonly (string | undefined)[]> = {
  pays: [undefined],
  "pays-entry-code": [undefined],
  "merchant-cancels": [undefined],
  "paid-then-cancelled": [undefined],
  "pays-magic": ["701"],
  "pays-silent": ["741"],
  "pays-after-unknown": ["731"],
  "short-paid": ["761"],
  declines: [undefined, "711", "712"],
  "declines-no-amount": [undefined],
  "never-pays": [undefined, "721"],
  "cancel-unanswered": [undefined],
};

describe("planPayments", () => {
  it("gives the same plan for the same seed, and another for another seed", () => {
    expect(planPayments(200, 7)).toStrictEqual(planPayments(200, 7));
    expect(planPayments(200, 8)).not.toStrictEqual(planPayments(200, 7));
  });

  it("draws every scenario, with amounts whose magic suffix fits the scenario", () => {
    const plan = planPayments(1000, 1);
    expect(new Set(plan.map((p) => p.scenario))).toStrictEqual(
      new Set(SCENARIOS.map((s) => s.name)),
    );
    const misfits = plan.filter(
      (p) => !MAGIC_BY_SCENARIO[p.scenario]?.includes(magicAmountFor(p.amount)?.suffix),
    );
    expect(misfits).toStrictEqual([]);
  });

  it("scripts no customer where the sandbox acts, and a short expiry only for never-pays", () => {
    const plan = planPayments(1000, 2);
    const sandboxActs = plan.filter((p) => {
      const suffix = magicAmountFor(p.amount)?.suffix;
      return suffix !== undefined && suffix !== "731";
    });
    expect(sandboxActs.filter((p) => p.customer.kind !== "none")).toStrictEqual([]);
    const shortExpiry = plan.filter((p) => p.expiresInSeconds !== null);
    expect(new Set(shortExpiry.map((p) => p.scenario))).toStrictEqual(
      new Set(["never-pays", "cancel-unanswered"]),
    );
  });

  it("keeps pay faults and create replays to the merchant API (Order Code)", () => {
    const entry = planPayments(1000, 3).filter((p) => p.channel === "EntryCode");
    expect(entry.length).toBeGreaterThan(0);
    expect(entry.filter((p) => p.replayCreate)).toStrictEqual([]);
    expect(entry.flatMap((p) => p.faults).filter((f) => f.apis?.includes("pay"))).toStrictEqual([]);
  });

  it("mixes in faults near the planned rates", () => {
    // The provider-shaped decline and the attention scenario lose notifications by design.
    const plan = planPayments(1000, 4).filter(
      (p) => p.scenario !== "declines-no-amount" && p.scenario !== "cancel-unanswered",
    );
    const share = (kind: string) =>
      plan.filter((p) => p.faults.some((f) => f.kind === kind)).length / plan.length;
    expect(Math.abs(share("drop-notification") - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(share("duplicate-notification") - 0.1)).toBeLessThan(0.03);
  });

  it("refuses a count that is not a positive whole number", () => {
    expect(() => planPayments(0, 1)).toThrow(TypeError);
    expect(() => planPayments(1.5, 1)).toThrow(TypeError);
  });

  it("places the attention scenario at payment 10 of every hundred, its cancel answers in turn", () => {
    const plan = planPayments(400, 5);
    const placed = plan.filter((p) => p.scenario === "cancel-unanswered");
    expect(placed.map((p) => p.index)).toStrictEqual([10, 110, 210, 310]);
    expect(placed.map((p) => p.faults.at(-1)?.label)).toStrictEqual([
      "unknown-result cancel, PAYMENT_IN_PROCESS (until lifted)",
      "http-error cancel (until lifted)",
      "unknown-result cancel, UNKNOWN_EXCEPTION (until lifted)",
      "unknown-result cancel, PAYMENT_IN_PROCESS (until lifted)",
    ]);
    expect(placed.every((p) => p.faults.every((f) => f.count === undefined))).toBe(true);
  });

  it("has the provider-shaped decline lose the sandbox's notifications and decline by script", () => {
    const plan = planPayments(1000, 6).filter((p) => p.scenario === "declines-no-amount");
    expect(plan.length).toBeGreaterThan(10);
    expect(plan.filter((p) => p.customer.kind !== "decline-provider-notice")).toStrictEqual([]);
    expect(plan.filter((p) => p.faults[0]?.kind !== "drop-notification")).toStrictEqual([]);
  });

  it("stalls at most one operation per payment, never pay with a short expiry", () => {
    const plan = planPayments(1000, 7);
    const stalls = plan.map((p) => p.faults.filter((f) => f.kind === "stall-body"));
    expect(stalls.filter((s) => s.length > 1)).toStrictEqual([]);
    const stalled = plan.filter((_, i) => (stalls[i]?.length ?? 0) > 0);
    expect(Math.abs(stalled.length / plan.length - 0.08)).toBeLessThan(0.025);
    const payStalls = stalled.filter((p) =>
      p.faults.some((f) => f.kind === "stall-body" && f.apis?.includes("pay")),
    );
    expect(payStalls.length).toBeGreaterThan(0);
    expect(
      payStalls.filter((p) => p.expiresInSeconds !== null || p.channel === "EntryCode"),
    ).toStrictEqual([]);
    const endsCall = stalled.filter((p) =>
      p.faults.some((f) => f.kind === "http-error" && f.count === 2),
    );
    expect(endsCall.length).toBeGreaterThan(0);
    expect(endsCall.length).toBeLessThan(stalled.length);
  });

  it("gives about one payment in seven odd signed notifications, before or after the result", () => {
    const plan = planPayments(1000, 8);
    const odd = plan.filter((p) => p.oddNotifications.length > 0);
    expect(Math.abs(odd.length / plan.length - 0.15)).toBeLessThan(0.03);
    const when = new Set(odd.flatMap((p) => p.oddNotifications.map((n) => n.when)));
    expect(when).toStrictEqual(new Set(["before", "after"]));
  });
});
