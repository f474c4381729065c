// Constants only, no schema: a bundle that takes them (the hooks' guard) stays free of valibot.

/**
 * Every status a payment can have, in the order a payment usually moves through them.
 * `creating` and `awaiting_payment` are open; every other status is final.
 */
export const PAYMENT_STATUSES = [
  "creating",
  "awaiting_payment",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
  "reversed",
  "mismatch",
] as const;

/** Where a payment stands: the state machine's status, sent as is by the Worker's API. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The in-store scenarios, spelled exactly as on the wire. */
export const PAYMENT_SCENARIOS = ["OrderCode", "EntryCode"] as const;

/** Order Code (the shop shows a code) or Entry Code (the customer types the amount). */
export type PaymentScenario = (typeof PAYMENT_SCENARIOS)[number];
