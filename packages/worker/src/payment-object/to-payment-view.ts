import {
  type PaymentState,
  type RefundRecord,
  type RefundState,
  refundAttention,
  refundTotals,
} from "@ams-edge/core";
import type { PaymentView, RefundView } from "@ams-edge/core/api";
import type { OrderRecord } from "./order-record.ts";

const iso = (ms: number) => new Date(ms).toISOString();

const refundStatus = {
  sending: "processing",
  unclear: "processing",
  succeeded: "succeeded",
  failed: "failed",
} as const;

/** The API's view of one refund the refund state machine recorded. */
export function toRefundView(refund: RefundRecord): RefundView {
  const amount = refund.refunded ?? refund.amount;
  return {
    refundRequestId: refund.refundRequestId,
    status: refundStatus[refund.status],
    amount: { currency: amount.currency, value: amount.value },
    reason: refund.reason,
    resultCode: refund.resultCode,
    createdAt: iso(refund.requestedAt),
    updatedAt: iso(refund.updatedAt),
  };
}

/**
 * The API's view of a stored payment (times as ISO 8601 UTC), with its refunds and its attention
 * flag: the payment's own, else `REFUND_UNSETTLED` when a refund's follow-up stopped. Its
 * `version` is the payment's plus the refunds', so it grows by one on every change of either.
 */
export function toPaymentView(
  order: OrderRecord,
  state: PaymentState,
  refunds: RefundState,
): PaymentView {
  const attention = state.attention ?? refundAttention(refunds);
  return {
    paymentRequestId: state.paymentRequestId,
    paymentId: state.paymentId,
    scenario: state.scenario,
    status: state.status,
    amount: { currency: state.amount.currency, value: state.amount.value },
    description: order.description,
    storeId: order.storeId,
    code:
      state.code === null
        ? null
        : {
            value: state.code.value,
            type: state.code.type,
            expiresAt: iso(state.code.expiresAt ?? state.expiresAt),
          },
    redirectUrl: state.redirectUrl,
    resultCode: state.resultCode,
    refunded: {
      currency: state.amount.currency,
      value: refundTotals(refunds, state.amount.currency).refunded.toString(),
    },
    // Oldest first: the refund state machine adds new refunds at the end.
    refunds: refunds.refunds.map(toRefundView),
    attention:
      attention === null ? null : { reason: attention.reason, since: iso(attention.since) },
    createdAt: iso(state.createdAt),
    updatedAt: iso(Math.max(state.updatedAt, refunds.updatedAt)),
    expiresAt: iso(state.expiresAt),
    version: viewVersion(state, refunds),
  };
}

/** The view's `version`: the payment's plus the refunds', without building the view. */
export function viewVersion(state: PaymentState, refunds: RefundState): number {
  return state.version + refunds.version;
}
