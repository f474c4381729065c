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
  "never-pays": [undefined, "721"],
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
    expect(new Set(shortExpiry.map((p) => p.scenario))).toStrictEqual(new Set(["never-pays"]));
  });

  it("keeps pay faults and create replays to the merchant API (Order Code)", () => {
    const entry = planPayments(1000, 3).filter((p) => p.channel === "EntryCode");
    expect(entry.length).toBeGreaterThan(0);
    expect(entry.filter((p) => p.replayCreate)).toStrictEqual([]);
    expect(entry.flatMap((p) => p.faults).filter((f) => f.apis?.includes("pay"))).toStrictEqual([]);
  });

  it("mixes in faults near the planned rates", () => {
    const plan = planPayments(1000, 4);
    const share = (kind: string) =>
      plan.filter((p) => p.faults.some((f) => f.kind === kind)).length / plan.length;
    expect(Math.abs(share("drop-notification") - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(share("duplicate-notification") - 0.1)).toBeLessThan(0.03);
  });

  it("refuses a count that is not a positive whole number", () => {
    expect(() => planPayments(0, 1)).toThrow(TypeError);
    expect(() => planPayments(1.5, 1)).toThrow(TypeError);
  });
});
