/**
 * When to inquire, cancel and re-send pay. Delays are in milliseconds; a list is used in order,
 * then each further delay is the previous one times `backoff`, capped at the maximum.
 */
export interface PaymentSchedule {
  /** Delays between inquiries, the first counted from the pay answer. */
  inquiryDelaysMs: readonly number[];
  /** Longest delay between inquiries once the list is used up. */
  inquiryMaxDelayMs: number;
  /** Delays between cancel attempts whose answer was unclear. */
  cancelDelaysMs: readonly number[];
  /** Longest delay between cancel attempts once the list is used up. */
  cancelMaxDelayMs: number;
  /** Growth factor applied after a list is used up. */
  backoff: number;
  /** Delays before each re-send of pay after an unclear answer; its length is the re-send count. */
  payResendDelaysMs: readonly number[];
  /** Consecutive `ORDER_NOT_EXIST` inquiries tolerated while the pay outcome is unknown. */
  orderNotExistLimit: number;
  /** How long a sent request may stay unanswered before it is presumed lost and repeated. */
  requestLeaseMs: number;
}

/**
 * Defaults from the provider's own orchestration: inquiries after 2, 3, 3, 5, 5, 5, 5, 5, 5 s,
 * then every 7.5 s, 11.25 s, … up to every 15 s until expiry (a customer may pay at the last
 * minute); cancel retries after 2, 3, 3, 5, 5 s, then slower up to every 60 s; pay re-sent up to
 * 3 times.
 */
export const DEFAULT_PAYMENT_SCHEDULE: PaymentSchedule = Object.freeze({
  inquiryDelaysMs: Object.freeze([2000, 3000, 3000, 5000, 5000, 5000, 5000, 5000, 5000]),
  inquiryMaxDelayMs: 15_000,
  cancelDelaysMs: Object.freeze([2000, 3000, 3000, 5000, 5000]),
  cancelMaxDelayMs: 60_000,
  backoff: 1.5,
  payResendDelaysMs: Object.freeze([1000, 2000, 3000]),
  orderNotExistLimit: 3,
  requestLeaseMs: 60_000,
});

/**
 * The delay before attempt `index` (0-based) of a retried call: the list entry, then the last
 * entry grown by `backoff` per further attempt, capped at `max`.
 */
export function scheduleDelay(
  delays: readonly number[],
  index: number,
  backoff: number,
  max: number,
): number {
  const listed = delays[index];
  if (listed !== undefined) return listed;
  const last = delays[delays.length - 1];
  if (last === undefined) return max;
  // Grow from at least 1 ms so that a list ending in 0 still slows down.
  return Math.min(max, Math.round(Math.max(last, 1) * backoff ** (index - delays.length + 1)));
}

/** The schedule with `overrides` applied, checked so that a typo cannot stall a payment. */
export function resolvePaymentSchedule(overrides: Partial<PaymentSchedule> = {}): PaymentSchedule {
  const schedule: PaymentSchedule = { ...DEFAULT_PAYMENT_SCHEDULE, ...overrides };
  const lists = [schedule.inquiryDelaysMs, schedule.cancelDelaysMs, schedule.payResendDelaysMs];
  const numbers = [
    schedule.inquiryMaxDelayMs,
    schedule.cancelMaxDelayMs,
    schedule.requestLeaseMs,
    schedule.orderNotExistLimit,
  ];
  const valid =
    lists.every(
      (list) => Array.isArray(list) && list.every((ms) => Number.isFinite(ms) && ms >= 0),
    ) &&
    numbers.every((value) => Number.isFinite(value) && value >= 0) &&
    Number.isFinite(schedule.backoff) &&
    schedule.backoff >= 1 &&
    schedule.inquiryMaxDelayMs > 0 &&
    schedule.cancelMaxDelayMs > 0;
  if (!valid) {
    throw new TypeError(
      "PaymentSchedule: expected non-negative millisecond delays, positive maximum delays and a backoff of at least 1.",
    );
  }
  return schedule;
}
