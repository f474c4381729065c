import type { PaymentAmount } from "../payment/payment-state.ts";

/**
 * The merchant asks for a refund: fed, and stored, before the refund call is sent (write-ahead),
 * so that a restart finds it and follows it up. Refused (no change) when it names a recorded id or
 * would take the refunds past `paid` (see {@link refundRefusal}).
 */
export interface RefundRequestedEvent {
  type: "refund_requested";
  /** When it was recorded (the refund call follows at once), epoch ms. */
  at: number;
  /** The id the refund call uses, for all its retries. */
  refundRequestId: string;
  amount: PaymentAmount;
  reason: string | null;
  /** What the customer paid: the ceiling of every refund together. */
  paid: PaymentAmount;
}

/**
 * A verdict on one refund: the refund call's answer, or a verified `REFUND_RESULT` notification.
 * A transport error is `U` with the client's error code. `F REPEAT_REQ_INCONSISTENT` is no
 * verdict: the gateway holds another refund under this id, so the refund stays unclear.
 */
export interface RefundResultEvent {
  type: "refund_result";
  at: number;
  refundRequestId: string;
  status: "S" | "F" | "U";
  resultCode: string;
  /** The amount the gateway reports, or `null` when it does not say. */
  refundAmount: PaymentAmount | null;
}

/** What an `inquiryRefund` reported: its `refundStatus`, `ORDER_NOT_EXIST`, or `UNKNOWN` (U, F, transport error). */
export type RefundObservation = "SUCCESS" | "FAIL" | "PROCESSING" | "ORDER_NOT_EXIST" | "UNKNOWN";

/** The answer to an `inquiryRefund` about one refund. */
export interface RefundInquiryEvent {
  type: "refund_inquiry_result";
  at: number;
  refundRequestId: string;
  observation: RefundObservation;
  resultCode: string;
  /** The amount the gateway reports for `SUCCESS`, or `null`. */
  refundAmount: PaymentAmount | null;
}

/** Every event the refund state machine takes. */
export type RefundEvent = RefundRequestedEvent | RefundResultEvent | RefundInquiryEvent;
