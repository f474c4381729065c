import type { AmountInput } from "./amount-schema.ts";
import type { MerchantInput } from "./merchant-schema.ts";

/** What both payment builders need; the constant parts of the request are filled in. */
export interface PaymentParams {
  /** The idempotency key: 1 to 64 letters, digits, `_` or `-`. Reuse it only to retry. */
  paymentRequestId: string;
  /** What the customer pays, in minor units (`{ currency: "USD", value: "599" }`). */
  paymentAmount: AmountInput;
  /** The order's total; defaults to `paymentAmount`. */
  orderAmount?: AmountInput;
  /** What is being bought, shown to the customer (≤ 256 characters). */
  orderDescription: string;
  /** The merchant's order id (≤ 64 characters). */
  referenceOrderId?: string;
  /** The merchant and store selling the goods. */
  merchant: MerchantInput;
  /** Where the provider POSTs the payment result (≤ 2048 characters). */
  paymentNotifyUrl: string;
  /** When the provider should close the unpaid payment: after now and less than 30 minutes ahead. */
  paymentExpiryTime?: Date | string;
}

/** {@link PaymentParams} for Order Code. */
export interface OrderCodePaymentParams extends PaymentParams {}

/** {@link PaymentParams} plus what Entry Code needs. */
export interface EntryCodePaymentParams extends PaymentParams {
  /** The `User-Agent` of the wallet's in-app browser that opened the merchant page. */
  userAgent: string;
  /** Where the wallet returns after paying (≤ 2048 characters). */
  paymentRedirectUrl?: string;
}

/** Options of the payment builders. */
export interface PaymentBuildOptions {
  /** The current time, for checking `paymentExpiryTime` (default: `Date.now()`). */
  now?: Date | number;
}
