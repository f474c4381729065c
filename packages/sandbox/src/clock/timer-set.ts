import type { Clock, TimerHandle } from "./clock.ts";

/** Timers that can all be cancelled at once, so that closing the sandbox leaves nothing behind. */
export interface TimerSet {
  /** Runs `callback` after `ms` on the clock; returns a function that cancels it. */
  schedule(callback: () => void, ms: number): () => void;
  /** Cancels every timer still pending. */
  clear(): void;
  /** Number of timers still pending. */
  size(): number;
}

/** Creates a {@link TimerSet} on `clock`. */
export function createTimerSet(clock: Clock): TimerSet {
  const pending = new Map<number, TimerHandle>();
  let nextKey = 1;
  return {
    schedule(callback, ms) {
      const key = nextKey;
      nextKey += 1;
      const handle = clock.setTimeout(() => {
        pending.delete(key);
        callback();
      }, ms);
      pending.set(key, handle);
      return () => {
        const found = pending.get(key);
        if (found === undefined) return;
        pending.delete(key);
        clock.clearTimeout(found);
      };
    },
    clear() {
      for (const handle of pending.values()) clock.clearTimeout(handle);
      pending.clear();
    },
    size: () => pending.size,
  };
}
