import { AmsEdgeError, isAmsEdgeError } from "@ams-edge/core";
import type { RefundIntent } from "./refund-intents.ts";

/**
 * A new refund of a payment was asked for while an earlier one of the same payment has no final
 * answer (`REFUND_IN_PROGRESS`). Nothing was sent. Check the earlier one first (refund again with
 * its amount and reason), or pass `{ alongside: true }` to start the new one as well.
 */
export class RefundInProgressError extends AmsEdgeError<"REFUND_IN_PROGRESS"> {
  /** The earlier refund, still unanswered or processing. */
  declare readonly pending: RefundIntent;

  constructor(pending: RefundIntent) {
    super(
      "REFUND_IN_PROGRESS",
      `A refund of ${pending.amount.value} (${pending.amount.currency} minor units) of ${pending.paymentRequestId} has no final answer yet; check it first, or pass { alongside: true } to refund this as well.`,
    );
    this.name = "RefundInProgressError";
    this.pending = pending;
  }
}

/** True when `value` is a {@link RefundInProgressError}, also one made by another copy of this package. */
export function isRefundInProgressError(value: unknown): value is RefundInProgressError {
  return isAmsEdgeError(value) && value.name === "RefundInProgressError";
}
