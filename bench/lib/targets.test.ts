import { describe, expect, test } from "vitest";
import { formatVerdict, judge, type Measured } from "./targets.ts";

const ratio = (value: number, extra: Partial<Measured> = {}): Measured => ({
  name: "core sign / node:crypto sign",
  value,
  direction: "at least",
  target: 0.9,
  noiseMargin: 0.1,
  ...extra,
});

describe("judge", () => {
  test("a full run holds a figure to its target exactly", () => {
    expect(judge(ratio(0.9), false)).toStrictEqual({
      measured: ratio(0.9),
      pass: true,
      targetMet: true,
      limit: 0.9,
    });
    expect(judge(ratio(0.89), false).pass).toBe(false);
  });

  test("a short run allows the noise margin and no more", () => {
    const within = judge(ratio(0.81), true);
    expect([within.pass, within.targetMet]).toStrictEqual([true, false]);
    expect(within.limit).toBeCloseTo(0.8, 10);
    expect(judge(ratio(0.79), true).pass).toBe(false);
  });

  test("an upper bound works the other way round", () => {
    const cost = (value: number) =>
      ratio(value, { direction: "at most", target: 1.1, noiseMargin: 0.1 });
    expect(judge(cost(1.1), false).pass).toBe(true);
    expect(judge(cost(1.11), false).pass).toBe(false);
    expect(judge(cost(1.19), true).pass).toBe(true);
    expect(judge(cost(1.21), true).pass).toBe(false);
  });

  test("a target not met yet is held to its interim limit, plus the margin in a short run", () => {
    const pay = (value: number) =>
      ratio(value, { direction: "at most", target: 1.2, interim: 1.45, noiseMargin: 0.1 });
    expect(judge(pay(1.4), false)).toMatchObject({ pass: true, targetMet: false, limit: 1.45 });
    expect(judge(pay(1.5), false).pass).toBe(false);
    expect(judge(pay(1.5), true).pass).toBe(true);
    expect(judge(pay(1.56), true).pass).toBe(false);
    // Once the target is met, the target itself is the limit again.
    expect(judge(pay(1.1), false)).toMatchObject({ pass: true, targetMet: true, limit: 1.2 });
  });

  test("an exact figure has no slack, and a missing figure never passes", () => {
    const lost = (value: number): Measured => ({
      name: "acknowledged but not stored",
      value,
      direction: "at most",
      target: 0,
      noiseMargin: 0,
    });
    expect(judge(lost(0), true).pass).toBe(true);
    expect(judge(lost(1), true).pass).toBe(false);
    expect(judge(ratio(Number.NaN), true)).toMatchObject({ pass: false, targetMet: false });
    // An interim limit derived from a reference that could not be measured fails too.
    expect(judge(ratio(0.5, { interim: Number.NaN }), true).pass).toBe(false);
  });
});

describe("formatVerdict", () => {
  test("says when a target is not met, and what a short run allows", () => {
    const pay = ratio(1.4, {
      name: "client.pay",
      direction: "at most",
      target: 1.2,
      interim: 1.45,
    });
    expect(formatVerdict(judge(pay, true), true)).toBe(
      `PASS  ${"client.pay".padEnd(52)}     1.40  (TARGET ≤ 1.20 NOT MET; interim limit ≤ 1.45; a short run fails beyond 1.55 (noise margin 0.10))`,
    );
    expect(formatVerdict(judge(ratio(0.85), true), true)).toBe(
      `PASS  ${"core sign / node:crypto sign".padEnd(52)}     0.85  (target ≥ 0.90: missed by less than the noise margin 0.10)`,
    );
    expect(formatVerdict(judge(ratio(0.85), false), false)).toBe(
      `FAIL  ${"core sign / node:crypto sign".padEnd(52)}     0.85  (target ≥ 0.90: NOT MET)`,
    );
  });

  test("names what an interim limit was derived from", () => {
    const rate: Measured = {
      name: "notifications/s",
      value: 130,
      direction: "at least",
      target: 1000,
      interim: 99,
      interimBasis: "0.30 × this run's floor of 330/s",
      noiseMargin: 33,
      digits: 0,
    };
    expect(formatVerdict(judge(rate, true), true)).toBe(
      `PASS  ${"notifications/s".padEnd(52)}      130  (TARGET ≥ 1000 NOT MET; interim limit ≥ 99 (0.30 × this run's floor of 330/s); a short run fails beyond 66 (noise margin 33))`,
    );
  });
});
