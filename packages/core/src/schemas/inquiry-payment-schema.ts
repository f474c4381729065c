import * as v from "valibot";
import { ResponseAmountSchema } from "./amount-schema.ts";
import { PaymentIdsSchema } from "./payment-ids.ts";
import { ResultSchema } from "./result-schema.ts";

/** inquiryPayment request: `{ paymentRequestId }` or `{ paymentId }`. Strict. */
export const InquiryPaymentRequestSchema = PaymentIdsSchema;

/** Input type of {@link InquiryPaymentRequestSchema}. */
export type InquiryPaymentRequestInput = v.InferInput<typeof InquiryPaymentRequestSchema>;
/** Output type of {@link InquiryPaymentRequestSchema}. */
export type InquiryPaymentRequestOutput = v.InferOutput<typeof InquiryPaymentRequestSchema>;

/** The state of the payment as the provider sees it. */
export const PaymentStatusSchema = v.picklist([
  "SUCCESS",
  "FAIL",
  "PROCESSING",
  "CANCELLED",
  "PENDING",
]);

/** The customer's account at the wallet that paid (masked). */
export const PspCustomerInfoSchema = v.looseObject({
  /** The wallet, e.g. `"ALIPAY_CN"`. */
  pspName: v.optional(v.string()),
  /** The customer's id at the wallet, masked. */
  pspCustomerId: v.optional(v.string()),
  /** The customer's id as the wallet shows it, masked. */
  displayCustomerId: v.optional(v.string()),
});

/**
 * inquiryPayment response. `result` is about the inquiry call; `paymentStatus` is about the
 * payment. Unknown keys are kept.
 */
export const InquiryPaymentResponseSchema = v.looseObject({
  /** The outcome of the inquiry call itself (not of the payment). */
  result: ResultSchema,
  /** `SUCCESS`, `FAIL`, `PROCESSING`, `CANCELLED` or `PENDING`. */
  paymentStatus: v.optional(PaymentStatusSchema),
  /** Why the payment is in that state, e.g. `"USER_BALANCE_NOT_ENOUGH"`. */
  paymentResultCode: v.optional(v.string()),
  /** Text for `paymentResultCode`. */
  paymentResultMessage: v.optional(v.string()),
  /** The merchant's id of the payment. */
  paymentRequestId: v.optional(v.string()),
  /** The provider's id of the payment. */
  paymentId: v.optional(v.string()),
  /** The amount asked for. */
  paymentAmount: v.optional(ResponseAmountSchema),
  /** The amount the customer actually paid. */
  actualPaymentAmount: v.optional(ResponseAmountSchema),
  /** When the payment was created (ISO 8601). */
  paymentCreateTime: v.optional(v.string()),
  /** When the payment reached a final state (ISO 8601). */
  paymentTime: v.optional(v.string()),
  /** The paying customer's wallet account, masked. */
  pspCustomerInfo: v.optional(PspCustomerInfoSchema),
});

/** Input type of {@link InquiryPaymentResponseSchema}. */
export type InquiryPaymentResponseInput = v.InferInput<typeof InquiryPaymentResponseSchema>;
/** Output type of {@link InquiryPaymentResponseSchema}. */
export type InquiryPaymentResponseOutput = v.InferOutput<typeof InquiryPaymentResponseSchema>;
