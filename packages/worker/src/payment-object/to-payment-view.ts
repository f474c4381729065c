import type { PaymentState } from "@ams-edge/core";
import type { OrderRecord } from "./order-record.ts";
import type { PaymentView } from "./payment-view.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/** The API's view of a stored payment (times as ISO 8601 UTC). */
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
    createdAt: iso(state.createdAt),
    updatedAt: iso(state.updatedAt),
    expiresAt: iso(state.expiresAt),
    version: state.version,
  };
}
