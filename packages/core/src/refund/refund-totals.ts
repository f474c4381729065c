import type { PaymentAmount } from "../payment/payment-state.ts";
import type { RefundState } from "./refund-state.ts";

const DIGITS = /^\d+$/;
const units = (value: string): bigint => (DIGITS.test(value) ? BigInt(value) : 0n);

/** What the refunds of a payment add up to in one currency, in minor units. */
export interface RefundTotals {
  /** Confirmed by the gateway. */
  refunded: bigint;
  /** Not settled yet (`sending` or `unclear`): they may still go through. */
  pending: bigint;
}

/** The totals of the refunds in `currency` (refunds in another currency are left out). */
export function refundTotals(state: RefundState, currency: string): RefundTotals {
  let refunded = 0n;
  let pending = 0n;
  for (const refund of state.refunds) {
    if (refund.status === "succeeded") {
      const amount = refund.refunded ?? refund.amount;
      if (amount.currency === currency) refunded += units(amount.value);
    } else if (refund.status !== "failed" && refund.amount.currency === currency) {
      pending += units(refund.amount.value);
    }
  }
  return { refunded, pending };
}

/** Why a new refund is refused before any money can move. */
export interface RefundRefusal {
  code: "REFUND_AMOUNT_EXCEEDED";
  message: string;
}

/**
 * Why a new refund of `amount` is refused, or null when it may go: in another currency than
 * `paid`, or taking the confirmed and pending refunds past `paid` (a refund whose outcome is not
 * known yet may still go through, so it counts).
 *
 * @example
 * refundRefusal(state, usd("400"), usd("500")); // null, or { code: "REFUND_AMOUNT_EXCEEDED", ... }
 */
export function refundRefusal(
  state: RefundState,
  amount: PaymentAmount,
  paid: PaymentAmount,
): RefundRefusal | null {
  if (amount.currency !== paid.currency) {
    return {
      code: "REFUND_AMOUNT_EXCEEDED",
      message: `expected a refund in ${paid.currency}, the payment's currency; got ${amount.currency}`,
    };
  }
  const { refunded, pending } = refundTotals(state, paid.currency);
  const left = units(paid.value) - refunded - pending;
  const asked = units(amount.value);
  if (asked <= 0n || asked > left) {
    return {
      code: "REFUND_AMOUNT_EXCEEDED",
      message: `expected at most ${left > 0n ? left : 0n} (minor units) still refundable; got ${amount.value}`,
    };
  }
  return null;
}
