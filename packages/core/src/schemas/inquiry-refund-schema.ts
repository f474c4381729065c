import * as v from "valibot";
import { ResponseAmountSchema } from "./amount-schema.ts";
import { ResultSchema } from "./result-schema.ts";
import { RefundRequestIdSchema, wireString } from "./wire-fields.ts";

/** inquiryRefund request: `{ refundRequestId }` or `{ refundId }`. Strict. */
export const InquiryRefundRequestSchema = v.pipe(
  v.strictObject({
    /** The merchant's id of the refund. */
    refundRequestId: v.optional(RefundRequestIdSchema),
    /** The provider's id of the refund. */
    refundId: v.optional(wireString()),
  }),
  v.check(
    (ids) => ids.refundRequestId !== undefined || ids.refundId !== undefined,
    "Expected refundRequestId or refundId",
  ),
);

/** Input type of {@link InquiryRefundRequestSchema}. */
export type InquiryRefundRequestInput = v.InferInput<typeof InquiryRefundRequestSchema>;
/** Output type of {@link InquiryRefundRequestSchema}. */
export type InquiryRefundRequestOutput = v.InferOutput<typeof InquiryRefundRequestSchema>;

/** The state of a refund: `SUCCESS`, `FAIL` or `PROCESSING`. */
export const RefundStatusSchema = v.picklist(["SUCCESS", "FAIL", "PROCESSING"]);

/** inquiryRefund response. Unknown keys are kept. */
export const InquiryRefundResponseSchema = v.looseObject({
  /** The outcome of the inquiry call itself (not of the refund). */
  result: ResultSchema,
  /** `SUCCESS`, `FAIL` or `PROCESSING`. */
  refundStatus: v.optional(RefundStatusSchema),
  /** The merchant's id of the refund. */
  refundRequestId: v.optional(v.string()),
  /** The provider's id of the refund. */
  refundId: v.optional(v.string()),
  /** The amount refunded. */
  refundAmount: v.optional(ResponseAmountSchema),
  /** When the refund succeeded (ISO 8601). */
  refundTime: v.optional(v.string()),
});

/** Input type of {@link InquiryRefundResponseSchema}. */
export type InquiryRefundResponseInput = v.InferInput<typeof InquiryRefundResponseSchema>;
/** Output type of {@link InquiryRefundResponseSchema}. */
export type InquiryRefundResponseOutput = v.InferOutput<typeof InquiryRefundResponseSchema>;
