import { checkRequestId, checkUserAgent, expiryTime } from "./pay-request-checks.ts";
import type {
  EntryCodePaymentParams,
  OrderCodePaymentParams,
  PaymentBuildOptions,
} from "./payment-params.ts";

/**
 * Assembles an unvalidated pay request from the builders' params, filling the constant parts.
 * Optional fields are left out rather than set to `undefined`, so the JSON has no empty keys.
 */
export function buildPayRequest(
  scenario: "OrderCode" | "EntryCode",
  params: OrderCodePaymentParams | EntryCodePaymentParams,
  options: PaymentBuildOptions,
): Record<string, unknown> {
  if (typeof params !== "object" || params === null) {
    throw new TypeError(`Expected a params object for the ${scenario} pay request`);
  }
  checkRequestId(params.paymentRequestId);
  const entry = scenario === "EntryCode" && "userAgent" in params ? params : undefined;
  if (scenario === "EntryCode") checkUserAgent(entry?.userAgent);
  return {
    productCode: "IN_STORE_PAYMENT",
    paymentRequestId: params.paymentRequestId,
    paymentAmount: params.paymentAmount,
    paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
    paymentFactor: { inStorePaymentScenario: scenario },
    order: {
      ...(params.referenceOrderId === undefined
        ? {}
        : { referenceOrderId: params.referenceOrderId }),
      orderDescription: params.orderDescription,
      orderAmount: params.orderAmount ?? params.paymentAmount,
      merchant: params.merchant,
      ...(entry === undefined ? {} : { env: { userAgent: entry.userAgent } }),
    },
    paymentNotifyUrl: params.paymentNotifyUrl,
    ...(entry?.paymentRedirectUrl === undefined
      ? {}
      : { paymentRedirectUrl: entry.paymentRedirectUrl }),
    ...(params.paymentExpiryTime === undefined
      ? {}
      : { paymentExpiryTime: expiryTime(params.paymentExpiryTime, options.now) }),
  };
}
