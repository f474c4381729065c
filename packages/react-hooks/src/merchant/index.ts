/**
 * `@ams-edge/react-hooks/merchant`: what a point-of-sale screen needs beyond taking a payment:
 * the list of recent payments, refunds and cancels (merchant API key). A separate entry point so
 * that customer-facing pages never bundle it.
 */

export type { RefundView } from "@ams-edge/core/api";
export {
  createRecentPaymentsStore,
  type RecentPaymentsState,
  type RecentPaymentsStore,
  type RecentPaymentsStoreOptions,
  type RefundOptions,
} from "./create-recent-payments-store.ts";
export {
  inquirePayment,
  type ListPaymentsQuery,
  listPayments,
  type PaymentPage,
  refundPayment,
} from "./merchant-calls.ts";
export { isRefundInProgressError, RefundInProgressError } from "./refund-in-progress-error.ts";
export { isRefundRefusal, type RefundIntent } from "./refund-intents.ts";
export {
  type RecentPayments,
  type RecentPaymentsOptions,
  useRecentPayments,
} from "./use-recent-payments.ts";
