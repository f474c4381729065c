/**
 * The provider's notification schedule, in seconds: the wait before each of the 8 attempts,
 * counted from the previous one (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h).
 */
export const PROVIDER_RESEND_SCHEDULE_SECONDS: readonly number[] = [
  0, 120, 600, 600, 3600, 7200, 21600, 54000,
];

/**
 * Milliseconds from the first attempt to each attempt, for a schedule of waits in seconds
 * multiplied by `timeScale`.
 *
 * @example
 * attemptOffsetsMs(PROVIDER_RESEND_SCHEDULE_SECONDS, 0.001); // [0, 120, 720, 1320, 4920, ...]
 */
export function attemptOffsetsMs(schedule: readonly number[], timeScale: number): number[] {
  let total = 0;
  return schedule.map((seconds) => {
    total += seconds;
    return Math.round(total * 1000 * timeScale);
  });
}
