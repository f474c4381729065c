import { buildPayRequest } from "./build-pay-request.ts";
import { type EntryCodePayRequestInput, EntryCodePayRequestSchema } from "./pay-request-schema.ts";
import type { EntryCodePaymentParams, PaymentBuildOptions } from "./payment-params.ts";
import { validateRequest } from "./validate-request.ts";

/**
 * Builds and validates an Entry Code pay request: like {@link orderCodePayment}, plus the
 * wallet's `userAgent` (required: a {@link RequestError} `USER_AGENT_REQUIRED` without it) and an
 * optional `paymentRedirectUrl`.
 *
 * @example
 * const body = entryCodePayment({
 *   ...orderParams,
 *   userAgent: request.headers.get("user-agent") ?? "",
 *   paymentRedirectUrl: "https://shop.example/pay/S1/done",
 * });
 */
export function entryCodePayment(
  params: EntryCodePaymentParams,
  options: PaymentBuildOptions = {},
): EntryCodePayRequestInput {
  return validateRequest(
    EntryCodePayRequestSchema,
    buildPayRequest("EntryCode", params, options),
    "pay",
  );
}
