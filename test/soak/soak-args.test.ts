import { describe, expect, it } from "vitest";
import { parseSoakArgs } from "./soak.ts";

describe("parseSoakArgs", () => {
  it("defaults to the CI size and scales the time limit with the payment count", () => {
    expect(parseSoakArgs([])).toStrictEqual({
      payments: 100,
      seed: 1,
      concurrency: 12,
      timeoutMs: 220_000,
    });
    expect(
      parseSoakArgs(["--payments", "1000", "--seed", "9", "--concurrency", "16"]),
    ).toStrictEqual({ payments: 1000, seed: 9, concurrency: 16, timeoutMs: 1_120_000 });
  });

  it("names the flag that is not a whole number in range", () => {
    expect(() => parseSoakArgs(["--payments", "0"])).toThrow(
      '--payments: expected a whole number of at least 1, got "0"',
    );
    expect(() => parseSoakArgs(["--concurrency", "two"])).toThrow(TypeError);
  });
});
