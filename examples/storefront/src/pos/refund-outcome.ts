import { formatAmount } from "@ams-edge/core";
import {
  isRefundInProgressError,
  isRefundRefusal,
  type RefundIntent,
} from "@ams-edge/react-hooks/merchant";

/**
 * What a failed refund call means at the till:
 * - `in-progress`: another refund of the payment has no final answer; nothing was sent;
 * - `refused`: the Worker said no (too much, not refundable, ...); no money moved, try another;
 * - `unconfirmed`: no answer (a timeout, the network, a 5xx); the refund may have gone through,
 *   so the till offers to check it, with the same key, instead of starting another.
 */
export type RefundFailure =
  | { kind: "in-progress"; pending: RefundIntent }
  | { kind: "refused"; message: string }
  | { kind: "unconfirmed" };

/**
 * Sorts the rejection of `refund()` into a {@link RefundFailure}.
 * @example
 * refundFailure(new RefundInProgressError(intent)); // { kind: "in-progress", pending: intent }
 */
export function refundFailure(error: unknown): RefundFailure {
  if (isRefundInProgressError(error)) return { kind: "in-progress", pending: error.pending };
  if (isRefundRefusal(error)) {
    return { kind: "refused", message: error instanceof Error ? error.message : String(error) };
  }
  return { kind: "unconfirmed" };
}

/**
 * The line a till shows for a refund without a final answer.
 * @example
 * pendingRefundWords({ ...intent, status: "unanswered" }); // "Refund of $4.00 not confirmed yet."
 */
export function pendingRefundWords(intent: RefundIntent): string {
  const amount = formatAmount(intent.amount);
  return intent.status === "processing"
    ? `Refund of ${amount} still processing.`
    : `Refund of ${amount} not confirmed yet.`;
}
