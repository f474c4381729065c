export type { RefundAction } from "./next-refund-action.ts";
export { nextRefundAction, refundAttention } from "./next-refund-action.ts";
export type {
  RefundEvent,
  RefundInquiryEvent,
  RefundObservation,
  RefundRequestedEvent,
  RefundResultEvent,
} from "./refund-event.ts";
export { toRefundErrorEvent, toRefundInquiryEvent, toRefundResultEvent } from "./refund-results.ts";
export type { RefundSchedule } from "./refund-schedule.ts";
export { DEFAULT_REFUND_SCHEDULE } from "./refund-schedule.ts";
export type { RefundRecord, RefundState, RefundStatus } from "./refund-state.ts";
export { createRefunds, findRefund, isFinalRefundStatus } from "./refund-state.ts";
export type { RefundRefusal, RefundTotals } from "./refund-totals.ts";
export { refundRefusal, refundTotals } from "./refund-totals.ts";
export { transitionRefund } from "./transition-refund.ts";
