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
  /**
   * Longest a run of `REQUEST_TRAFFIC_EXCEED_LIMIT` answers stretches a delay to: each such
   * answer in a row doubles the next delay, up to this (never below the delay itself).
   */
  throttledMaxDelayMs: number;
}

/**
 * The defaults, chosen for a cashier waiting at the counter and a gateway that counts calls:
 *
 * - The first inquiry 15 s after the code is issued: about the time a customer needs to open the
 *   wallet, scan and confirm. Asking sooner only finds `PENDING`, and the notification usually
 *   arrives first anyway.
 * - Then every 28 s, steadily, until expiry, and once more at expiry: a customer may pay in the
 *   last minute as well as the first, so the interval never grows. A lost notification is noticed
 *   at most 28 s after the customer paid, 30 s with the inquiry's round trip; an unpaid
 *   10-minute code costs 22 inquiries (24 calls with pay and cancel) instead of 49 calls.
 * - Unclear cancels retried 2, 3, 3, 5, 5 s apart (the provider's Java SDK), then slower up to
 *   every 60 s.
 * - Pay re-sent up to 3 times, 1, 2 and 3 s apart, then inquiries on the schedule above.
 * - A `REQUEST_TRAFFIC_EXCEED_LIMIT` answer doubles the next delay, and so on for each one in a
 *   row, up to 2 minutes: the gateway asked us to slow down, not to give up.
 */
export const DEFAULT_PAYMENT_SCHEDULE: PaymentSchedule = Object.freeze({
  inquiryDelaysMs: Object.freeze([15_000, 28_000]),
  inquiryMaxDelayMs: 28_000,
  cancelDelaysMs: Object.freeze([2000, 3000, 3000, 5000, 5000]),
  cancelMaxDelayMs: 60_000,
  backoff: 1.5,
  payResendDelaysMs: Object.freeze([1000, 2000, 3000]),
  orderNotExistLimit: 3,
  requestLeaseMs: 60_000,
  throttledMaxDelayMs: 120_000,
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

/**
 * `delay` doubled once per `REQUEST_TRAFFIC_EXCEED_LIMIT` answer in a row (`streak`), capped at
 * the schedule's `throttledMaxDelayMs` but never shorter than `delay` itself.
 */
export function throttledDelay(delay: number, streak: number, schedule: PaymentSchedule): number {
  if (streak <= 0) return delay;
  return Math.max(delay, Math.min(schedule.throttledMaxDelayMs, delay * 2 ** streak));
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
    schedule.throttledMaxDelayMs,
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
