import {
  findRefund,
  type PaymentState,
  type RefundRecord,
  type RefundRequestedEvent,
  type RefundState,
  refundRefusal,
} from "@ams-edge/core";
import type { AmountView, ObjectErrorCode } from "./payment-view.ts";

/** A refund the merchant asked for, under the id its Idempotency-Key stands for. */
export interface RefundCommand {
  /** The refund's id at the gateway, derived from the payment and the Idempotency-Key. */
  refundRequestId: string;
  amount: AmountView;
  reason: string | null;
  /** Where the provider may send `REFUND_RESULT` (it may not, for in-store payments). */
  notifyUrl: string;
}

/** What a refund command comes to, before any gateway call. */
export type RefundDecision =
  /** The key's refund exists with the same request: answer with it, send nothing. */
  | { kind: "replay"; record: RefundRecord }
  /** Refused; nothing is recorded, so the key stays free. */
  | { kind: "refused"; code: ObjectErrorCode; message: string }
  /** Record this (write-ahead), then send the refund. */
  | { kind: "send"; event: RefundRequestedEvent };

/**
 * Decides a refund command against the payment and its refunds. The Idempotency-Key is bound to
 * its request by the refund id: the id's refund holds the amount and reason it was asked with,
 * and the same key with another request is `IDEMPOTENCY_KEY_REUSED`. A new refund needs a paid
 * payment and room under the paid amount, counting refunds whose outcome is not known yet.
 */
export function decideRefund(
  payment: PaymentState,
  refunds: RefundState,
  command: RefundCommand,
  at: number,
): RefundDecision {
  const existing = findRefund(refunds, command.refundRequestId);
  if (existing !== undefined) {
    const same =
      existing.amount.currency === command.amount.currency &&
      existing.amount.value === command.amount.value &&
      existing.reason === command.reason;
    if (same) return { kind: "replay", record: existing };
    const what =
      existing.amount.currency === command.amount.currency &&
      existing.amount.value === command.amount.value
        ? "a refund with another reason"
        : `a refund of ${existing.amount.value} ${existing.amount.currency} (minor units)`;
    return {
      kind: "refused",
      code: "IDEMPOTENCY_KEY_REUSED",
      message: `this Idempotency-Key was used for ${what}; retry with the same body, or use a new key for a new refund`,
    };
  }
  if (payment.status !== "succeeded" || payment.paymentId === null) {
    return {
      kind: "refused",
      code: "PAYMENT_NOT_REFUNDABLE",
      message: `the payment is ${payment.status}; only a succeeded payment can be refunded`,
    };
  }
  const refusal = refundRefusal(refunds, command.amount, payment.amount);
  if (refusal !== null) return { kind: "refused", code: refusal.code, message: refusal.message };
  return {
    kind: "send",
    event: {
      type: "refund_requested",
      at,
      refundRequestId: command.refundRequestId,
      amount: { currency: command.amount.currency, value: command.amount.value },
      reason: command.reason,
      paid: { currency: payment.amount.currency, value: payment.amount.value },
    },
  };
}
