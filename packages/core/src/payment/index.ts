export type { CreatePaymentParams } from "./create-payment.ts";
export { createPayment } from "./create-payment.ts";
export type { PaymentAction } from "./next-action.ts";
export { nextAction } from "./next-action.ts";
export { nextEventTime } from "./next-event-time.ts";
export type {
  CancelRequestedEvent,
  CancelResultEvent,
  CancelSentEvent,
  InquiryResultEvent,
  NotificationEvent,
  PayErrorEvent,
  PaymentEvent,
  PayResultEvent,
} from "./payment-event.ts";
export type { PaymentSchedule } from "./payment-schedule.ts";
export { DEFAULT_PAYMENT_SCHEDULE, resolvePaymentSchedule } from "./payment-schedule.ts";
export type {
  AttentionReason,
  AttentionRecord,
  CancelOutcome,
  CancelReason,
  ClosedBy,
  FollowUpCounts,
  InquiryObservation,
  MismatchRecord,
  PaidRecord,
  PaidThenCancelledRecord,
  PaymentAmount,
  PaymentCode,
  PaymentScenario,
  PaymentState,
  PaymentStatus,
} from "./payment-state.ts";
export { FINAL_REFINEMENTS, FINAL_STATUSES, isFinalStatus } from "./payment-state.ts";
export type { GatewayResult } from "./result-events.ts";
export {
  toCancelEvent,
  toInquiryEvent,
  toNotificationEvent,
  toPayEvent,
  toTransportErrorEvent,
} from "./result-events.ts";
export type {
  SettlementClient,
  SettlementIds,
  SettlePaymentOptions,
} from "./settle-payment.ts";
export { settlePayment } from "./settle-payment.ts";
export { transition } from "./transition.ts";
