import { DEFAULT_PAYMENT_SCHEDULE } from "../payment/payment-schedule.ts";

/** When to follow up refunds whose outcome is unclear, and when to give up. */
export interface RefundSchedule {
  /** Delays before each inquiry, the first counted from the unclear answer. */
  inquiryDelaysMs: readonly number[];
  /** Growth factor once the list is used up. */
  backoff: number;
  /** Longest delay between inquiries. */
  maxDelayMs: number;
  /** How long a refund call may go unanswered before it is followed up as unclear. */
  leaseMs: number;
  /** `ORDER_NOT_EXIST` answers in a row after which a refund is taken as never made... */
  notFoundLimit: number;
  /** Inquiries without a verdict after which the refund is flagged `REFUND_UNSETTLED`. */
  attemptLimit: number;
}

/**
 * 15 s, 28 s, then growing by 1.5 to every 10 minutes: a refund may stay `PROCESSING` for hours.
 * 40 inquiries span about 5.5 hours; a refund still unsettled then is for a person (the
 * provider's support), not for more inquiries. `ORDER_NOT_EXIST` three times in a row, once a
 * minute has passed since the refund call (a late request may still land), means it never landed.
 */
export const DEFAULT_REFUND_SCHEDULE: RefundSchedule = Object.freeze({
  inquiryDelaysMs: DEFAULT_PAYMENT_SCHEDULE.inquiryDelaysMs,
  backoff: DEFAULT_PAYMENT_SCHEDULE.backoff,
  maxDelayMs: 600_000,
  leaseMs: DEFAULT_PAYMENT_SCHEDULE.requestLeaseMs,
  notFoundLimit: DEFAULT_PAYMENT_SCHEDULE.orderNotExistLimit,
  attemptLimit: 40,
});
