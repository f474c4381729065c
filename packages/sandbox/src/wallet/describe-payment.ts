import type { PaymentRecord } from "../state/payment-record.ts";

/** One sentence for the customer about where the payment stands. */
export function describePayment(payment: PaymentRecord): string {
  switch (payment.status) {
    case "PENDING":
    case "PROCESSING":
      return "Waiting for you to confirm the payment.";
    case "SUCCESS":
      return "Paid. You can return to the merchant.";
    case "CANCELLED":
      return payment.reversed
        ? "Cancelled by the merchant after payment: the money went back to you."
        : "Cancelled by the merchant. Nothing was paid.";
    case "FAIL":
      return payment.resultCode === "ORDER_IS_CLOSED"
        ? "Expired: the payment was not confirmed in time. Nothing was paid."
        : `Declined (${payment.resultCode ?? "PROCESS_FAIL"}). Nothing was paid.`;
  }
}
