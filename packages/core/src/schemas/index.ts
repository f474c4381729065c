/**
 * Wire schemas (valibot) of the AMS in-store endpoints and notifications: `XSchema`, `XInput`,
 * `XOutput`. Wire names are exact (`paymentExpiryTime`, `merchantMCC`, `storeMCC`) and every
 * scalar is a string.
 *
 * - Requests we build are strict: an unknown key is an issue that names it.
 * - Responses and notifications are loose: unknown keys are kept in the output.
 * - Either way, `findUnknownKeys(schema, value)` lists the keys a schema does not declare (dotted
 *   paths), and `parseWithUnknownKeys(schema, value)` parses while reporting them, so a
 *   misspelling such as the provider docs' `storeMcc` or `paymentExpireTime` is reported, never
 *   read as the real field.
 * - `orderCodePayment` / `entryCodePayment` build validated pay requests and throw
 *   `RequestError` (with `code` and the wire `path`) for what the provider would reject.
 */
export {
  type AmountInput,
  type AmountOutput,
  AmountSchema,
  type ResponseAmountInput,
  type ResponseAmountOutput,
  ResponseAmountSchema,
} from "./amount-schema.ts";
export {
  type CancelRequestInput,
  type CancelRequestOutput,
  CancelRequestSchema,
  type CancelResponseInput,
  type CancelResponseOutput,
  CancelResponseSchema,
} from "./cancel-schema.ts";
export { entryCodePayment } from "./entry-code-payment.ts";
export {
  findUnknownKeys,
  type ParsedWithUnknownKeys,
  parseWithUnknownKeys,
} from "./find-unknown-keys.ts";
export {
  type InquiryPaymentRequestInput,
  type InquiryPaymentRequestOutput,
  InquiryPaymentRequestSchema,
  type InquiryPaymentResponseInput,
  type InquiryPaymentResponseOutput,
  InquiryPaymentResponseSchema,
  PaymentStatusSchema,
  PspCustomerInfoSchema,
} from "./inquiry-payment-schema.ts";
export {
  type InquiryRefundRequestInput,
  type InquiryRefundRequestOutput,
  InquiryRefundRequestSchema,
  type InquiryRefundResponseInput,
  type InquiryRefundResponseOutput,
  InquiryRefundResponseSchema,
  RefundStatusSchema,
} from "./inquiry-refund-schema.ts";
export {
  type MerchantInput,
  type MerchantOutput,
  MerchantSchema,
  type StoreInput,
  type StoreOutput,
  StoreSchema,
} from "./merchant-schema.ts";
export {
  NOTIFICATION_ACK,
  NOTIFICATION_ACK_BODY,
  type NotificationAckInput,
  type NotificationAckOutput,
  NotificationAckSchema,
} from "./notification-ack.ts";
export {
  isPaymentResultNotification,
  isRefundResultNotification,
  KNOWN_NOTIFY_TYPES,
  type NotificationInput,
  type NotificationOutput,
  NotificationSchema,
  type OtherNotificationInput,
  type OtherNotificationOutput,
  OtherNotificationSchema,
  type PaymentResultNotificationInput,
  type PaymentResultNotificationOutput,
  PaymentResultNotificationSchema,
  type RefundResultNotificationInput,
  type RefundResultNotificationOutput,
  RefundResultNotificationSchema,
} from "./notification-schema.ts";
export { orderCodePayment } from "./order-code-payment.ts";
export {
  type EntryCodePayRequestInput,
  type EntryCodePayRequestOutput,
  EntryCodePayRequestSchema,
  EnvSchema,
  type OrderCodePayRequestInput,
  type OrderCodePayRequestOutput,
  OrderCodePayRequestSchema,
  type PayRequestInput,
  type PayRequestOutput,
  PayRequestSchema,
} from "./pay-request-schema.ts";
export {
  type CodeDetailInput,
  type CodeDetailOutput,
  CodeDetailSchema,
  type OrderCodeFormInput,
  type OrderCodeFormOutput,
  OrderCodeFormSchema,
  type PayResponseInput,
  type PayResponseOutput,
  PayResponseSchema,
  type RedirectActionFormInput,
  type RedirectActionFormOutput,
  RedirectActionFormSchema,
} from "./pay-response-schema.ts";
export type {
  EntryCodePaymentParams,
  OrderCodePaymentParams,
  PaymentBuildOptions,
  PaymentParams,
} from "./payment-params.ts";
export {
  type RefundRequestInput,
  type RefundRequestOutput,
  RefundRequestSchema,
  type RefundResponseInput,
  type RefundResponseOutput,
  RefundResponseSchema,
} from "./refund-schema.ts";
export { RequestError, type RequestErrorCode } from "./request-error.ts";
export {
  type ResultInput,
  type ResultOutput,
  ResultSchema,
  ResultStatusSchema,
} from "./result-schema.ts";
export {
  AgentTokenSchema,
  OffsetDateTimeSchema,
  PaymentRequestIdSchema,
  RefundRequestIdSchema,
} from "./wire-fields.ts";
