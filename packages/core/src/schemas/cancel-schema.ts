import * as v from "valibot";
import { PaymentIdsSchema } from "./payment-ids.ts";
import { ResultSchema } from "./result-schema.ts";

/** cancel request: `{ paymentRequestId }` or `{ paymentId }`. Strict. */
export const CancelRequestSchema = PaymentIdsSchema;

/** Input type of {@link CancelRequestSchema}. */
export type CancelRequestInput = v.InferInput<typeof CancelRequestSchema>;
/** Output type of {@link CancelRequestSchema}. */
export type CancelRequestOutput = v.InferOutput<typeof CancelRequestSchema>;

/** cancel response: closes an unpaid payment or reverses a paid one. Unknown keys are kept. */
export const CancelResponseSchema = v.looseObject({
  /** The outcome of the cancel call. */
  result: ResultSchema,
  /** The provider's id of the payment. */
  paymentId: v.optional(v.string()),
  /** The merchant's id of the payment. */
  paymentRequestId: v.optional(v.string()),
  /** When the payment was cancelled (ISO 8601). */
  cancelTime: v.optional(v.string()),
});

/** Input type of {@link CancelResponseSchema}. */
export type CancelResponseInput = v.InferInput<typeof CancelResponseSchema>;
/** Output type of {@link CancelResponseSchema}. */
export type CancelResponseOutput = v.InferOutput<typeof CancelResponseSchema>;
