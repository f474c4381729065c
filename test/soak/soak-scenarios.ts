/**
 * What happens to each soak payment: who pays, declines, walks away or cancels, and the Worker
 * status that must result.
 */

import type { AttentionReason, PaymentStatus } from "@ams-edge/core/api";

/** The Worker's final statuses (the contract's, without the two open ones). */
export type FinalStatus = Exclude<PaymentStatus, "creating" | "awaiting_payment">;

/** Every final status, in the order the summary table lists them. */
export const FINAL_STATUSES: readonly FinalStatus[] = [
  "succeeded",
  "failed",
  "expired",
  "cancelled",
  "reversed",
  "mismatch",
];

/** True for a status no payment leaves on its own. */
export function isFinalStatus(status: string): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Name of a soak scenario. */
export type ScenarioName =
  | "pays"
  | "pays-magic"
  | "pays-silent"
  | "pays-after-unknown"
  | "pays-entry-code"
  | "declines"
  | "declines-no-amount"
  | "never-pays"
  | "cancel-unanswered"
  | "short-paid"
  | "merchant-cancels"
  | "paid-then-cancelled";

/** One scenario: how often it is drawn and what the Worker must end up saying. */
export interface Scenario {
  readonly name: ScenarioName;
  /** Relative frequency (the weights add up to 100); 0 for a placed scenario. */
  readonly weight: number;
  /**
   * Placed rather than drawn: payment 10 of every `every` (10, 110, 210, ...), so that even a
   * short run has one.
   */
  readonly every?: number;
  /** The Worker status the payment must end in. */
  readonly intended: FinalStatus;
  /**
   * The attention flag the payment must raise before it ends (its follow-up reaches a limit);
   * the soak then lifts the faults and asks `POST /api/payments/:id/inquire`. Absent: the
   * payment must never be flagged.
   */
  readonly attention?: AttentionReason;
  readonly description: string;
}

/** The scenario mix, most frequent first. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: "pays",
    weight: 29,
    intended: "succeeded",
    description: "the customer opens the wallet page (sometimes) and pays",
  },
  {
    name: "declines",
    weight: 11,
    intended: "failed",
    description: "the wallet declines (magic 711/712, or the customer declines with a reason)",
  },
  {
    name: "never-pays",
    weight: 11,
    intended: "expired",
    description: "the customer never pays (magic 721 or an untouched code); 2-3 s expiry",
  },
  {
    name: "pays-magic",
    weight: 8,
    intended: "succeeded",
    description: "magic 701: the sandbox pays after 100 ms",
  },
  {
    name: "pays-entry-code",
    weight: 8,
    intended: "succeeded",
    description: "Entry Code: the customer's page creates the payment, the wallet pays",
  },
  {
    name: "merchant-cancels",
    weight: 8,
    intended: "cancelled",
    description: "the merchant cancels the open payment before the customer pays",
  },
  {
    name: "pays-silent",
    weight: 7,
    intended: "succeeded",
    description: "magic 741: paid, but no notification is ever sent (inquiry must find it)",
  },
  {
    name: "paid-then-cancelled",
    weight: 6,
    intended: "reversed",
    description: "the customer pays, then the merchant cancels: the money goes back",
  },
  {
    name: "pays-after-unknown",
    weight: 5,
    intended: "succeeded",
    description: "magic 731: the first pay answers U; the customer pays once the code shows",
  },
  {
    name: "short-paid",
    weight: 4,
    intended: "mismatch",
    description: "magic 761: the gateway reports one minor unit less; never shown as paid",
  },
  {
    name: "declines-no-amount",
    weight: 3,
    intended: "failed",
    description:
      "the wallet declines; the one notification that arrives has the provider's failure shape, without paymentAmount",
  },
  {
    name: "cancel-unanswered",
    weight: 0,
    every: 100,
    intended: "expired",
    attention: "CANCEL_UNANSWERED",
    description:
      "never paid; inquiries and every cancel at expiry answered unclearly until the payment is flagged, then the faults lift and an inquiry settles it",
  },
];

/** The scenario called `name`. */
export function scenarioNamed(name: ScenarioName): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (found === undefined) throw new TypeError(`unknown soak scenario "${name}"`);
  return found;
}
