// Constants only, no schema: a bundle that takes them (a till's wording) stays free of valibot.

/**
 * Why a payment needs a person: a follow-up loop reached its limit with the outcome still unclear.
 *
 * - `CANCEL_UNANSWERED`: a cancel never got a clear answer.
 * - `CANCEL_REFUSED`: the provider refused the cancel and never reported a final status after it.
 * - `OUTCOME_UNKNOWN`: inquiries never told whether the customer paid (pay or cancel unclear).
 * - `RATE_LIMITED`: the gateway kept answering `REQUEST_TRAFFIC_EXCEED_LIMIT`.
 * - `REFUND_UNSETTLED`: a refund's inquiries never reported `SUCCESS` or `FAIL`.
 */
export const ATTENTION_REASONS = [
  "CANCEL_UNANSWERED",
  "CANCEL_REFUSED",
  "OUTCOME_UNKNOWN",
  "RATE_LIMITED",
  "REFUND_UNSETTLED",
] as const;

/** A stable code for why a payment needs a person, one of {@link ATTENTION_REASONS}. */
export type AttentionReason = (typeof ATTENTION_REASONS)[number];
