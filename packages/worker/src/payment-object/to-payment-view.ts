import type { PaymentState, RefundRecord } from "@ams-edge/core";
import type { PaymentView, RefundView } from "@ams-edge/core/api";
import type { OrderRecord } from "./order-record.ts";

const iso = (ms: number) => new Date(ms).toISOString();

const refundStatus = { S: "succeeded", F: "failed", U: "processing" } as const;

/** The API's view of one refund the state machine recorded. */
export function toRefundView(refundRequestId: string, refund: RefundRecord): RefundView {
  return {
    refundRequestId,
    status: refundStatus[refund.status],
    amount: { currency: refund.amount.currency, value: refund.amount.value },
  };
}

/** The API's view of a stored payment (times as ISO 8601 UTC), with its refunds. */
export function toPaymentView(order: OrderRecord, state: PaymentState): PaymentView {
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
    refunded: { currency: state.amount.currency, value: state.refundedValue },
    // In the order the refunds were first recorded: the state machine adds new ids at the end.
    refunds: Object.entries(state.refunds).map(([id, refund]) => toRefundView(id, refund)),
    createdAt: iso(state.createdAt),
    updatedAt: iso(state.updatedAt),
    expiresAt: iso(state.expiresAt),
    version: state.version,
  };
}
