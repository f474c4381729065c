import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { timer } from "./timer.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timer", () => {
  it("holds one pending call: start replaces it, stop drops it", () => {
    const calls: string[] = [];
    const slot = timer();
    slot.start(() => calls.push("first"), 100);
    slot.start(() => calls.push("second"), 200);
    expect([slot.pending(), vi.getTimerCount()]).toStrictEqual([true, 1]);
    vi.advanceTimersByTime(200);
    slot.start(() => calls.push("third"), 100);
    slot.stop();
    vi.advanceTimersByTime(1000);
    expect(calls).toStrictEqual(["second"]);
    expect([slot.pending(), vi.getTimerCount()]).toStrictEqual([false, 0]);
  });

  it("is free again while its call runs, so the call can start the next one", () => {
    const slot = timer();
    const seen: boolean[] = [];
    const tick = () => {
      seen.push(slot.pending());
      if (seen.length < 3) slot.start(tick, 10);
    };
    slot.start(tick, 10);
    vi.advanceTimersByTime(100);
    expect(seen).toStrictEqual([false, false, false]);
    expect(slot.pending()).toBe(false);
  });
});
