import { describe, expect, test } from "vitest";
import { planBurstMix, seededRandom } from "./burst-mix.ts";

const options = { payments: 5, resendsPerPayment: 3, unknown: 2, warmup: 1, seed: 42 };

describe("planBurstMix", () => {
  test("holds a fixed count of each kind: every payment once first, then exactly its resends", () => {
    const mix = planBurstMix(options);
    expect(mix.firstResults).toStrictEqual([0, 1, 2, 3, 4]);
    expect(mix.resends).toHaveLength(15);
    expect([...mix.resends].sort((a, b) => a - b)).toStrictEqual([
      0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
    ]);
    expect(mix.unknownIds).toStrictEqual(["bench-unknown-0000002a-0", "bench-unknown-0000002a-1"]);
    expect(mix.warmupIds).toStrictEqual(["bench-warmup-0000002a-0"]);
  });

  test("the same seed gives the same order, another seed another one", () => {
    expect(planBurstMix(options)).toStrictEqual(planBurstMix(options));
    const resends = (seed: number) => planBurstMix({ ...options, seed }).resends.join(",");
    expect(resends(42)).not.toBe(resends(43));
    // Shuffled, not left in the order they were listed.
    expect(resends(42)).not.toBe("0,1,2,3,4,0,1,2,3,4,0,1,2,3,4");
  });

  test("refuses a count that is not a whole number", () => {
    expect(() => planBurstMix({ ...options, unknown: 1.5 })).toThrow(
      new TypeError("planBurstMix: unknown must be a whole number, got 1.5"),
    );
  });
});

describe("seededRandom", () => {
  test("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toStrictEqual(values);
    expect(values.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
