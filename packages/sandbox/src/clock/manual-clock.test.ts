import { describe, expect, it } from "vitest";
import { createManualClock } from "./manual-clock.ts";
import { createTimerSet } from "./timer-set.ts";

describe("createManualClock", () => {
  it("runs due timers in order of due time, moving now to each", async () => {
    const clock = createManualClock(1000);
    const seen: [string, number][] = [];
    clock.setTimeout(() => seen.push(["b", clock.now()]), 200);
    clock.setTimeout(() => seen.push(["a", clock.now()]), 100);
    clock.setTimeout(() => seen.push(["c", clock.now()]), 300);
    await clock.advance(250);
    expect(seen).toStrictEqual([
      ["a", 1100],
      ["b", 1200],
    ]);
    expect(clock.now()).toBe(1250);
    expect(clock.pendingTimers()).toBe(1);
  });

  it("runs timers scheduled by timers within the same advance, after awaited work", async () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      clock.setTimeout(() => seen.push(clock.now()), 50);
    }, 10);
    await clock.advance(100);
    expect(seen).toStrictEqual([60]);
  });

  it("cancels with clearTimeout and runs the next timer with runNext", async () => {
    const clock = createManualClock(0);
    const seen: string[] = [];
    const cancelled = clock.setTimeout(() => seen.push("cancelled"), 10);
    clock.setTimeout(() => seen.push("kept"), 5000);
    clock.clearTimeout(cancelled);
    expect(await clock.runNext()).toBe(true);
    expect(await clock.runNext()).toBe(false);
    expect(seen).toStrictEqual(["kept"]);
    expect(clock.now()).toBe(5000);
  });

  it("refuses to go backwards", async () => {
    await expect(createManualClock(0).advance(-1)).rejects.toThrow(
      new TypeError("advance(ms) expects a non-negative number; got -1"),
    );
  });
});

describe("createTimerSet", () => {
  it("cancels one timer or all of them", async () => {
    const clock = createManualClock(0);
    const timers = createTimerSet(clock);
    const seen: string[] = [];
    const cancelOne = timers.schedule(() => seen.push("one"), 10);
    timers.schedule(() => seen.push("two"), 20);
    timers.schedule(() => seen.push("three"), 30);
    cancelOne();
    await clock.advance(20);
    expect(seen).toStrictEqual(["two"]);
    expect(timers.size()).toBe(1);
    timers.clear();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(100);
    expect(seen).toStrictEqual(["two"]);
  });
});
