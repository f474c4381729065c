/**
 * When to start a burst of first results so that no payment's alarm inquiry lands inside it.
 *
 * A payment awaiting its result inquires on a schedule counted from its pay answer (2 s, then 3,
 * 3, 5, … s later); once its first result is in, it inquires no more. The burst sends the first
 * results in the order the payments were created, at about one every `spacingMs`, so payment j's
 * result arrives about `j × spacingMs` after the start. The burst is clear of alarms when, for
 * every payment, each inquiry either has ended before the start or is due only after the
 * payment's own result. An inquiry can only come later than planned (the alarm fires late on a
 * busy machine, and the next delay counts from the answer), so its end is widened by a drift per
 * inquiry already made, plus a guard.
 */

/** Options of {@link alarmFreeStart}; times in epoch milliseconds, durations in milliseconds. */
export interface AlarmFreeOptions {
  now: number;
  /** When each payment's creation was answered, in the order their results will be sent. */
  answeredAt: readonly number[];
  /** Offsets of the inquiries from the pay answer, ascending (e.g. 2000, 5000, 8000, …). */
  inquiryOffsetsMs: readonly number[];
  /** Expected time between two first results of the burst, with room to spare. */
  spacingMs: number;
  /** Room kept after each payment's expected result. */
  slackMs: number;
  /** How late an inquiry may come per inquiry before it. */
  driftPerInquiryMs: number;
  /** Kept clear after an inquiry's latest expected time. */
  guardMs: number;
  /** The longest wait accepted; beyond it the burst starts where the fewest inquiries fall. */
  maxWaitMs: number;
}

/** Where the burst starts, and how many payments may still inquire before their result. */
export interface AlarmFreeStart {
  startAt: number;
  /** Payments with an inquiry expected between the start and their result (0 when clear). */
  inquiriesInside: number;
}

/** Whether an inquiry of payment `j` may land between the start and its result. */
function inquiresInside(j: number, start: number, o: AlarmFreeOptions): boolean {
  const answeredAt = o.answeredAt[j] ?? start;
  const resultAt = start + j * o.spacingMs + o.slackMs;
  return o.inquiryOffsetsMs.some((offset, k) => {
    const earliest = answeredAt + offset;
    const latest = earliest + o.driftPerInquiryMs * (k + 1) + o.guardMs;
    return latest > start && earliest < resultAt;
  });
}

function countInside(start: number, o: AlarmFreeOptions): number {
  let inside = 0;
  for (let j = 0; j < o.answeredAt.length; j += 1) if (inquiresInside(j, start, o)) inside += 1;
  return inside;
}

/** The earliest start at or after `now` that is clear of alarms; see the module comment. */
export function alarmFreeStart(options: AlarmFreeOptions): AlarmFreeStart {
  const { now, maxWaitMs, inquiryOffsetsMs, driftPerInquiryMs, guardMs } = options;
  // A clear start is `now` or just after some inquiry's latest expected time.
  const ends = options.answeredAt.flatMap((at) =>
    inquiryOffsetsMs.map((offset, k) => at + offset + driftPerInquiryMs * (k + 1) + guardMs),
  );
  const candidates = [now, ...ends.filter((t) => t > now && t <= now + maxWaitMs)].sort(
    (a, b) => a - b,
  );
  let best: AlarmFreeStart = { startAt: now, inquiriesInside: Number.POSITIVE_INFINITY };
  for (const startAt of candidates) {
    const inquiriesInside = countInside(startAt, options);
    if (inquiriesInside === 0) return { startAt, inquiriesInside };
    if (inquiriesInside < best.inquiriesInside) best = { startAt, inquiriesInside };
  }
  return best;
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
