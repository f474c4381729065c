import type { AmountView, PaymentView } from "@ams-edge/react-hooks";

/**
 * What can still be refunded: the amount less the confirmed refunds, never below zero. Refunds
 * still being processed are not in `refunded`: the Worker refuses what would go past the amount.
 * @example
 * refundable({ ...payment, amount: { currency: "USD", value: "730" }, refunded: { currency: "USD", value: "230" } });
 * // { currency: "USD", value: "500" }
 */
export function refundable(payment: PaymentView): AmountView {
  const { amount, refunded } = payment;
  // The view's guard has checked that both values are minor units.
  const done = refunded.currency === amount.currency ? BigInt(refunded.value) : 0n;
  const left = BigInt(amount.value) - done;
  return { currency: amount.currency, value: String(left > 0n ? left : 0n) };
}
