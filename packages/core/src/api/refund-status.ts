// Constants only, no schema: a bundle that takes them stays free of valibot.

/** Where a refund stands: `processing` (no definite answer yet), `succeeded`, `failed`. */
export const REFUND_VIEW_STATUSES = ["processing", "succeeded", "failed"] as const;

/** One of {@link REFUND_VIEW_STATUSES}. */
export type RefundViewStatus = (typeof REFUND_VIEW_STATUSES)[number];
