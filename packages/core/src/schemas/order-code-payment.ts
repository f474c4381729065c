import { buildPayRequest } from "./build-pay-request.ts";
import { type OrderCodePayRequestInput, OrderCodePayRequestSchema } from "./pay-request-schema.ts";
import type { OrderCodePaymentParams, PaymentBuildOptions } from "./payment-params.ts";
import { validateRequest } from "./validate-request.ts";

/**
 * Builds and validates an Order Code pay request: fills `productCode`, `paymentMethod`,
 * `paymentFactor` and `orderAmount` (defaults to `paymentAmount`), formats the expiry, and throws
 * a {@link RequestError} for anything the provider would reject.
 *
 * @example
 * const body = orderCodePayment({
 *   paymentRequestId: "pay_20240115_0001",
 *   paymentAmount: { currency: "USD", value: "599" },
 *   orderDescription: "Flat white",
 *   merchant: { referenceMerchantId: "M1", merchantMCC: "5812", merchantName: "Cafe",
 *     store: { referenceStoreId: "S1", storeName: "Main St", storeMCC: "5812" } },
 *   paymentNotifyUrl: "https://shop.example/alipay/notify",
 *   paymentExpiryTime: new Date(Date.now() + 10 * 60_000),
 * });
 */
export function orderCodePayment(
  params: OrderCodePaymentParams,
  options: PaymentBuildOptions = {},
): OrderCodePayRequestInput {
  return validateRequest(
    OrderCodePayRequestSchema,
    buildPayRequest("OrderCode", params, options),
    "pay",
  );
}
