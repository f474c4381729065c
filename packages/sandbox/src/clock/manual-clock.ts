import type { Clock, TimerHandle } from "./clock.ts";

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** A {@link Clock} that only moves when told to. */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, running every timer that falls due in order of its due time
   * (and letting pending promise callbacks run between timers, so that work a timer starts can
   * schedule further timers inside the same advance).
   */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending timer and runs it; false when none is pending. */
  runNext(): Promise<boolean>;
  /** Number of timers not yet run. */
  pendingTimers(): number;
}

/**
 * Creates a clock for tests that starts at `startMs` and moves only through
 * {@link ManualClock.advance} or {@link ManualClock.runNext}.
 *
 * @example
 * const clock = createManualClock(Date.parse("2026-01-01T00:00:00Z"));
 * const sandbox = createSandbox({ ...options, clock, timeScale: 0.001 });
 * await clock.advance(120); // the 2-minute resend, scaled to 120 ms
 */
export function createManualClock(startMs = Date.parse("2026-01-01T00:00:00Z")): ManualClock {
  let now = startMs;
  let nextId = 1;
  let timers: PendingTimer[] = [];

  const settle = async (): Promise<void> => {
    // Several turns so that chains of awaits started by a timer reach their next timer call.
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };

  const takeDue = (limit: number): PendingTimer | undefined => {
    let due: PendingTimer | undefined;
    for (const timer of timers) {
      if (timer.at <= limit && (due === undefined || timer.at < due.at)) due = timer;
    }
    if (due !== undefined) {
      const taken = due;
      timers = timers.filter((timer) => timer !== taken);
    }
    return due;
  };

  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const id = nextId;
      nextId += 1;
      timers.push({ id, at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle: TimerHandle): void {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    async advance(ms: number): Promise<void> {
      if (!(ms >= 0)) throw new TypeError(`advance(ms) expects a non-negative number; got ${ms}`);
      const target = now + ms;
      await settle();
      for (let timer = takeDue(target); timer !== undefined; timer = takeDue(target)) {
        now = Math.max(now, timer.at);
        timer.callback();
        await settle();
      }
      now = target;
      await settle();
    },
    async runNext(): Promise<boolean> {
      const timer = takeDue(Number.POSITIVE_INFINITY);
      if (timer === undefined) return false;
      now = Math.max(now, timer.at);
      timer.callback();
      await settle();
      return true;
    },
    pendingTimers: () => timers.length,
  };
}
