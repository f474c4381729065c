import {
  DEFAULT_PAYMENT_SCHEDULE,
  type PaymentSchedule,
  resolvePaymentSchedule,
} from "@ams-edge/core";

const cache = new Map<number, PaymentSchedule>();

/**
 * The default payment schedule with every delay divided by `scale` (SCHEDULE_SCALE), so that a
 * local stack or a test runs the same orchestration on a faster clock.
 */
export function scaledSchedule(scale: number): PaymentSchedule {
  if (scale === 1) return DEFAULT_PAYMENT_SCHEDULE;
  let schedule = cache.get(scale);
  if (schedule === undefined) {
    const ms = (value: number) => Math.max(1, Math.round(value / scale));
    const base = DEFAULT_PAYMENT_SCHEDULE;
    schedule = resolvePaymentSchedule({
      inquiryDelaysMs: base.inquiryDelaysMs.map(ms),
      inquiryMaxDelayMs: ms(base.inquiryMaxDelayMs),
      cancelDelaysMs: base.cancelDelaysMs.map(ms),
      cancelMaxDelayMs: ms(base.cancelMaxDelayMs),
      payResendDelaysMs: base.payResendDelaysMs.map(ms),
      requestLeaseMs: ms(base.requestLeaseMs),
      throttledMaxDelayMs: ms(base.throttledMaxDelayMs),
    });
    cache.set(scale, schedule);
  }
  return schedule;
}
