/**
 * Waits, with a bound, for storage written after an acknowledgement to catch up (an index row,
 * a log line), and says how long that took: work a Worker defers past its answer is still work,
 * and its delay is what a reader of that storage sees.
 */

/** How a wait ended: caught up or not, after how many milliseconds, and what was left. */
export interface CatchUp {
  caughtUp: boolean;
  ms: number;
  /** Items still behind at the end (0 when caught up). */
  behind: number;
}

/**
 * Polls `behind` (how many items are not there yet) every `intervalMs` until it says 0 or
 * `timeoutMs` has passed.
 */
export async function awaitCatchUp(
  behind: () => Promise<number> | number,
  options: { timeoutMs: number; intervalMs: number },
): Promise<CatchUp> {
  const start = performance.now();
  for (;;) {
    const left = await behind();
    const ms = performance.now() - start;
    if (left === 0) return { caughtUp: true, ms, behind: 0 };
    if (ms >= options.timeoutMs) return { caughtUp: false, ms, behind: left };
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
