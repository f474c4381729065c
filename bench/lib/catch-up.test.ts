import { describe, expect, test } from "vitest";
import { awaitCatchUp } from "./catch-up.ts";

describe("awaitCatchUp", () => {
  test("polls until nothing is behind", async () => {
    const left = [3, 1, 0, 5];
    const calls: number[] = [];
    const result = await awaitCatchUp(
      () => {
        const n = left[calls.length] ?? 0;
        calls.push(n);
        return n;
      },
      { timeoutMs: 5_000, intervalMs: 1 },
    );
    expect(calls).toStrictEqual([3, 1, 0]);
    expect(result).toMatchObject({ caughtUp: true, behind: 0 });
  });

  test("gives up after the timeout and says how much was left", async () => {
    const result = await awaitCatchUp(async () => 2, { timeoutMs: 20, intervalMs: 5 });
    expect(result).toMatchObject({ caughtUp: false, behind: 2 });
    expect(result.ms).toBeGreaterThanOrEqual(20);
  });
});
