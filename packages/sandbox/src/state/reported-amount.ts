import type { PaymentRecord, WireAmount } from "./payment-record.ts";

/**
 * The amount the sandbox says was paid: the requested amount, except for the magic amount that
 * pays one minor unit short (to exercise the merchant's amount check).
 */
export function reportedAmount(payment: PaymentRecord): WireAmount {
  if (payment.magic?.shortPaid !== true) return payment.amount;
  const value = BigInt(payment.amount.value);
  return { currency: payment.amount.currency, value: String(value > 0n ? value - 1n : 0n) };
}
