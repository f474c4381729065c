import * as v from "valibot";
import { PaymentRequestIdSchema, wireString } from "./wire-fields.ts";

/**
 * `{ paymentRequestId }` and/or `{ paymentId }`: how inquiryPayment and cancel name a payment.
 * Strict; at least one id is required.
 */
export const PaymentIdsSchema = v.pipe(
  v.strictObject({
    /** The merchant's id of the payment. */
    paymentRequestId: v.optional(PaymentRequestIdSchema),
    /** The provider's id of the payment. */
    paymentId: v.optional(wireString()),
  }),
  v.check(
    (ids) => ids.paymentRequestId !== undefined || ids.paymentId !== undefined,
    "Expected paymentRequestId or paymentId",
  ),
);
