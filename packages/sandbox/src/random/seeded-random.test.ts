import { describe, expect, it } from "vitest";
import { createSeededRandom } from "./seeded-random.ts";

const draw = (seed: number | string, n: number): number[] => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe("createSeededRandom", () => {
  it("repeats its sequence for the same seed, a number or the same digits as a string", () => {
    expect(draw(42, 20)).toStrictEqual(draw(42, 20));
    expect(draw("42", 20)).toStrictEqual(draw(42, 20));
    expect(draw(43, 20)).not.toStrictEqual(draw(42, 20));
  });

  it("draws numbers in [0, 1) spread over the range", () => {
    const values = draw("spread", 2000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const low = values.filter((v) => v < 0.5).length;
    expect(low).toBeGreaterThan(900);
    expect(low).toBeLessThan(1100);
  });

  it("chance(0) and chance(1) decide without consuming a number", () => {
    const random = createSeededRandom(1);
    expect(random.chance(1)).toBe(true);
    expect(random.chance(0)).toBe(false);
    expect(random.next()).toBe(draw(1, 1)[0]);
  });

  it("int(n) stays within [0, n)", () => {
    const random = createSeededRandom(5);
    const ints = Array.from({ length: 500 }, () => random.int(3));
    expect(new Set(ints)).toStrictEqual(new Set([0, 1, 2]));
  });
});
