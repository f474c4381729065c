/**
 * `@ams-edge/core/api`: the contract of the Worker's HTTP and live API (statuses, views, live
 * messages, error bodies) as valibot schemas with their types and constants. It imports nothing
 * but valibot, so a browser can use it without the rest of core; objects accept unknown fields,
 * so a client keeps working when a newer Worker adds some.
 */
export { type AmountView, AmountViewSchema } from "./amount-view.ts";
export { ATTENTION_REASONS, type AttentionReason } from "./attention.ts";
export { type ErrorBody, ErrorBodySchema } from "./error-body.ts";
export { type LiveMessage, LiveMessageSchema } from "./live-message.ts";
export {
  PAYMENT_SCENARIOS,
  PAYMENT_STATUSES,
  type PaymentScenario,
  type PaymentStatus,
} from "./payment-status.ts";
export {
  type AttentionView,
  AttentionViewSchema,
  type CreatedPayment,
  CreatedPaymentSchema,
  type OrderCodeView,
  OrderCodeViewSchema,
  type PaymentView,
  PaymentViewSchema,
  PaymentViewStatusSchema,
} from "./payment-view.ts";
export { REFUND_VIEW_STATUSES, type RefundViewStatus } from "./refund-status.ts";
export {
  type RefundListItem,
  RefundListItemSchema,
  type RefundPage,
  RefundPageSchema,
  type RefundView,
  RefundViewSchema,
} from "./refund-view.ts";
export {
  type ReviewNotification,
  type ReviewNotificationPage,
  ReviewNotificationPageSchema,
  ReviewNotificationSchema,
} from "./review-notification.ts";
export { CURRENCY_PATTERN, MINOR_UNITS_PATTERN, TIME_PATTERN } from "./wire-patterns.ts";
export { WORKER_ERROR_CODES, type WorkerErrorCode } from "./worker-error-codes.ts";
