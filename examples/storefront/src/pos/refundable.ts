import type { Amount, PaymentView } from "@ams-edge/react-hooks";

/** A payment as the Worker lists it, with the refunded total it reports (an older one does not). */
export type PaymentWithRefunds = PaymentView & { refunded?: Amount };

/**
 * What can still be refunded: the amount less the confirmed refunds, never below zero. Refunds
 * still being processed are not in `refunded`: the Worker refuses what would go past the amount.
 * @example
 * refundable({ ...payment, amount: { currency: "USD", value: "730" }, refunded: { currency: "USD", value: "230" } });
 * // { currency: "USD", value: "500" }
 */
export function refundable(payment: PaymentWithRefunds): Amount {
  const { amount, refunded } = payment;
  const done =
    refunded?.currency === amount.currency && /^\d+$/.test(refunded.value)
      ? BigInt(refunded.value)
      : 0n;
  const left = BigInt(amount.value) - done;
  return { currency: amount.currency, value: String(left > 0n ? left : 0n) };
}
