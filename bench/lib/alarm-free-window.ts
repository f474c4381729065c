/**
 * When to start a burst of first results so that no payment's alarm inquiry lands inside it.
 *
 * A payment awaiting its result inquires on a schedule counted from its pay answer (2 s, then 3,
 * 3, 5, … s later). Payments created one after another between `createdFrom` and `createdTo`
 * therefore inquire in waves: the k-th wave spans the creation window shifted by the k-th
 * offset, and each inquiry can only come later than planned (the alarm fires late on a busy
 * machine, and the next delay counts from the answer), so the end of each wave is widened by a
 * drift per inquiry already made. The burst starts in the first gap between waves long enough
 * for its expected duration.
 */

/** Options of {@link alarmFreeStart}; times in epoch milliseconds, durations in milliseconds. */
export interface AlarmFreeOptions {
  now: number;
  createdFrom: number;
  createdTo: number;
  /** Offsets of the inquiries from the pay answer, ascending (e.g. 2000, 5000, 8000, …). */
  inquiryOffsetsMs: readonly number[];
  /** How long the burst is expected to take, with room to spare. */
  durationMs: number;
  /** How late an inquiry may come per inquiry before it. */
  driftPerInquiryMs: number;
  /** Kept clear after a wave (none before: an inquiry never comes early). */
  guardMs: number;
  /** The longest wait accepted; beyond it the burst starts in the longest gap found. */
  maxWaitMs: number;
}

/** Where the burst starts and until when no inquiry is expected (`Infinity` after the last). */
export interface AlarmFreeStart {
  startAt: number;
  freeUntil: number;
  /** Whether the gap holds the whole expected duration. */
  fits: boolean;
}

/** The inquiry waves, as [start, end] intervals, the end widened by the drift and the guard. */
export function inquiryWaves(options: AlarmFreeOptions): [number, number][] {
  const { createdFrom, createdTo, inquiryOffsetsMs, driftPerInquiryMs, guardMs } = options;
  return inquiryOffsetsMs.map((offset, k) => [
    createdFrom + offset,
    createdTo + offset + driftPerInquiryMs * (k + 1) + guardMs,
  ]);
}

/** The earliest start at or after `now` whose gap holds `durationMs`; see the module comment. */
export function alarmFreeStart(options: AlarmFreeOptions): AlarmFreeStart {
  const waves = inquiryWaves(options);
  const gapFrom = (start: number) => {
    let at = start;
    // Waves may overlap: a start inside one moves to its end.
    for (const [from, to] of waves) if (from <= at && at < to) at = to;
    const next = waves.find(([from]) => from > at)?.[0] ?? Number.POSITIVE_INFINITY;
    return { startAt: at, freeUntil: next };
  };
  const candidates = [options.now, ...waves.map(([, to]) => to)]
    .filter((t) => t >= options.now && t <= options.now + options.maxWaitMs)
    .sort((a, b) => a - b);
  let best: AlarmFreeStart | undefined;
  for (const candidate of candidates) {
    const gap = gapFrom(candidate);
    if (gap.startAt > options.now + options.maxWaitMs) continue;
    const fits = gap.freeUntil - gap.startAt >= options.durationMs;
    if (fits) return { ...gap, fits };
    if (best === undefined || gap.freeUntil - gap.startAt > best.freeUntil - best.startAt) {
      best = { ...gap, fits };
    }
  }
  return best ?? { startAt: options.now, freeUntil: options.now, fits: false };
}

/** The offsets of the first `count` inquiries from the pay answer, given the delays between. */
export function cumulativeOffsets(delaysMs: (index: number) => number, count: number): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    at += delaysMs(i);
    offsets.push(at);
  }
  return offsets;
}
