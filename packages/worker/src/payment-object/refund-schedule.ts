import { DEFAULT_REFUND_SCHEDULE, type RefundSchedule } from "@ams-edge/core";

const cache = new Map<number, RefundSchedule>();

/** The default refund schedule with every delay divided by `scale` (SCHEDULE_SCALE). */
export function scaledRefundSchedule(scale: number): RefundSchedule {
  if (scale === 1) return DEFAULT_REFUND_SCHEDULE;
  let schedule = cache.get(scale);
  if (schedule === undefined) {
    const ms = (value: number) => Math.max(1, Math.round(value / scale));
    const base = DEFAULT_REFUND_SCHEDULE;
    schedule = Object.freeze({
      ...base,
      inquiryDelaysMs: base.inquiryDelaysMs.map(ms),
      maxDelayMs: ms(base.maxDelayMs),
      leaseMs: ms(base.leaseMs),
    });
    cache.set(scale, schedule);
  }
  return schedule;
}
