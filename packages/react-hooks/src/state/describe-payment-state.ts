import { formatMinorUnits } from "../amount/format-minor-units.ts";
import type { PaymentScreenState } from "./payment-state.ts";

/**
 * A short English sentence for a payment state, for status text and screen readers. The
 * countdown is left out on purpose: a live region that changes every second is noise.
 * @example
 * describePaymentState(state, "en-US"); // "Scan with Alipay to pay $5.99."
 */
export function describePaymentState(state: PaymentScreenState, locale?: string): string {
  const amount = describeAmount(state, locale);
  switch (state.status) {
    case "idle":
      return "";
    case "creating":
      return "Preparing the payment…";
    case "awaiting_scan":
      return `Scan with Alipay to pay ${amount}.${state.connection === "offline" ? " Connection lost; still checking." : ""}`;
    case "succeeded":
      return `Paid: ${amount}.`;
    case "failed":
      return `Payment failed${state.resultCode ? ` (${state.resultCode})` : ""}.`;
    case "cancelled":
      return state.reversed
        ? `Cancelled after payment: ${amount} goes back.`
        : "Payment cancelled.";
    case "expired":
      return "The code expired.";
    case "error":
      return state.error.message;
  }
}

/** The amount of the state's payment for people ("$5.99"), or "" before the payment is known. */
export function describeAmount(state: PaymentScreenState, locale?: string): string {
  const payment = "payment" in state && state.payment;
  return payment ? formatMinorUnits(payment.amount, locale) : "";
}
