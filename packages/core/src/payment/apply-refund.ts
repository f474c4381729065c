import { addMinorUnits } from "./amount-math.ts";
import type { RefundResultEvent } from "./payment-event.ts";
import type { PaymentState, RefundRecord } from "./payment-state.ts";

/**
 * Records a refund answer for a paid payment (`succeeded`, or `mismatch` that a person settles
 * with a refund). `S` and `F` are final per refund; only an unclear `U` may be replaced. The
 * payment keeps its status: refunded totals are exposed as `refundedValue`.
 */
export function applyRefund(state: PaymentState, event: RefundResultEvent): PaymentState {
  if (state.status !== "succeeded" && state.status !== "mismatch") return state;
  const previous = state.refunds[event.refundRequestId];
  if (previous !== undefined && previous.status !== "U") return state;
  const record: RefundRecord = {
    status: event.status,
    amount: { currency: event.refundAmount.currency, value: event.refundAmount.value },
    resultCode: event.resultCode,
    at: event.at,
  };
  const refunds = { ...state.refunds, [event.refundRequestId]: record };
  let refundedValue = "0";
  for (const refund of Object.values(refunds)) {
    if (refund.status === "S" && refund.amount.currency === state.amount.currency) {
      refundedValue = addMinorUnits(refundedValue, refund.amount.value);
    }
  }
  return { ...state, refunds, refundedValue };
}
