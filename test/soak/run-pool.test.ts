import { describe, expect, it } from "vitest";
import { createLimiter, runPool } from "./run-pool.ts";

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

describe("createLimiter", () => {
  it("runs at most `concurrency` tasks at once, in the order given, each with its result", async () => {
    const limit = createLimiter(2);
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number, ms: number) => async () => {
      started.push(n);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return n * 10;
    };
    const first = [limit(task(1, 5)), limit(task(2, 1)), limit(task(3, 3))];
    // A task given while a slot is being handed over must still wait its turn.
    await first[1];
    const later = [limit(task(4, 1)), limit(task(5, 1))];
    expect(await Promise.all([...first, ...later])).toStrictEqual([10, 20, 30, 40, 50]);
    expect(started).toStrictEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it("passes a task's rejection on and frees its slot", async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await limit(async () => 7)).toBe(7);
    expect(() => createLimiter(0)).toThrow(TypeError);
  });
});
