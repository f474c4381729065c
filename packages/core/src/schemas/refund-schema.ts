import * as v from "valibot";
import { AmountSchema, ResponseAmountSchema } from "./amount-schema.ts";
import { ResultSchema } from "./result-schema.ts";
import { RefundRequestIdSchema, WireUrlSchema, wireString } from "./wire-fields.ts";

/** refund request (`/ams/api/v1/payments/refund`). Strict. */
export const RefundRequestSchema = v.strictObject({
  /** The merchant's idempotency key of the refund (≤ 64 characters). */
  refundRequestId: RefundRequestIdSchema,
  /** The provider's id of the payment to refund. */
  paymentId: wireString(),
  /** How much to give back, in minor units, in the payment's currency. */
  refundAmount: AmountSchema,
  /** Why, as the customer may see it. */
  refundReason: v.optional(wireString()),
  /** Where the provider may POST a REFUND_RESULT (often never sent for in-store payments). */
  refundNotifyUrl: v.optional(WireUrlSchema),
});

/** Input type of {@link RefundRequestSchema}. */
export type RefundRequestInput = v.InferInput<typeof RefundRequestSchema>;
/** Output type of {@link RefundRequestSchema}. */
export type RefundRequestOutput = v.InferOutput<typeof RefundRequestSchema>;

/** refund response. Unknown keys are kept. */
export const RefundResponseSchema = v.looseObject({
  /** The outcome of the refund call (`U` means inquire with inquiryRefund). */
  result: ResultSchema,
  /** The merchant's id of the refund, echoed. */
  refundRequestId: v.optional(v.string()),
  /** The provider's id of the refund. */
  refundId: v.optional(v.string()),
  /** The provider's id of the refunded payment. */
  paymentId: v.optional(v.string()),
  /** The amount refunded. */
  refundAmount: v.optional(ResponseAmountSchema),
  /** When the refund succeeded (ISO 8601). */
  refundTime: v.optional(v.string()),
});

/** Input type of {@link RefundResponseSchema}. */
export type RefundResponseInput = v.InferInput<typeof RefundResponseSchema>;
/** Output type of {@link RefundResponseSchema}. */
export type RefundResponseOutput = v.InferOutput<typeof RefundResponseSchema>;
