import { describe, expect, it } from "vitest";
import { runPool } from "./run-pool.ts";

describe("runPool", () => {
  it("keeps the items' order and never runs more than `concurrency` at once", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runPool([5, 1, 4, 2, 3, 0, 2], 3, async (ms, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toStrictEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:0", "6:2"]);
    expect(most).toBe(3);
  });

  it("handles no items, and refuses a concurrency below 1", async () => {
    expect(await runPool([], 4, async () => 1)).toStrictEqual([]);
    await expect(runPool([1], 0, async () => 1)).rejects.toThrow(TypeError);
  });
});
