import type { CancelReason, PaymentAmount, PaymentCode } from "./payment-state.ts";

/**
 * The answer to a pay call (the first one or a re-send with the same `paymentRequestId`). `S`
 * means the code or redirect URL was issued, not that anyone paid.
 */
export interface PayResultEvent {
  type: "pay_result";
  /** When the answer was received, epoch ms. */
  at: number;
  status: "S" | "F" | "U";
  resultCode: string;
  paymentRequestId?: string;
  paymentId?: string | null;
  /** Order Code: the code to show. */
  code?: PaymentCode | null;
  /** Entry Code: where to send the wallet. */
  redirectUrl?: string | null;
}

/** A pay call that failed in transport (timeout, network, bad response signature): outcome unknown. */
export interface PayErrorEvent {
  type: "pay_error";
  at: number;
  /** The client's error code, e.g. `TIMEOUT`. */
  errorCode: string;
}

/**
 * A `PAYMENT_RESULT` notification whose signature was verified by the caller. Never feed an
 * unverified notification: a success here is taken as proof of payment, and only with the amount
 * it was paid for. A failure needs no amount: the provider's own failure notification carries
 * none.
 */
export type NotificationEvent = {
  type: "notification";
  at: number;
  paymentRequestId: string;
  paymentId?: string | null;
  resultCode: string;
  /** ISO 8601 as on the wire. */
  paymentTime?: string | null;
} & (
  | { resultStatus: "S"; paymentAmount: PaymentAmount }
  | { resultStatus: "F"; paymentAmount: PaymentAmount | null }
);

/**
 * The answer to an inquiry. `resultStatus` is about the inquiry call: `S` carries
 * `paymentStatus`; `F` with `ORDER_NOT_EXIST` means the order is not (yet) known; any other `F`,
 * a `U` or a transport error (fed as `U` with the error code) leaves the payment unclear.
 */
export interface InquiryResultEvent {
  type: "inquiry_result";
  at: number;
  resultStatus: "S" | "F" | "U";
  resultCode: string;
  paymentRequestId?: string;
  paymentId?: string | null;
  paymentStatus?: "SUCCESS" | "FAIL" | "PROCESSING" | "CANCELLED" | "PENDING";
  paymentAmount?: PaymentAmount | null;
  paymentResultCode?: string | null;
  paymentTime?: string | null;
}

/** The merchant asked to cancel (close an unpaid payment or reverse a paid one). */
export interface CancelRequestedEvent {
  type: "cancel_requested";
  at: number;
}

/** A cancel call is about to be sent; marks it in flight until its answer. */
export interface CancelSentEvent {
  type: "cancel_sent";
  at: number;
  reason: CancelReason;
}

/**
 * The answer to a cancel call. `F` with `ORDER_IS_CLOSED` or `ORDER_NOT_EXIST` means nothing is
 * left to close; any other `F` (e.g. `CANCEL_WINDOW_EXCEED`) is a refusal; `U` or a transport
 * error (fed as `U`) leaves it unclear.
 */
export interface CancelResultEvent {
  type: "cancel_result";
  at: number;
  resultStatus: "S" | "F" | "U";
  resultCode: string;
  paymentRequestId?: string;
  paymentId?: string | null;
}

/** Everything that can happen to a payment, as plain JSON data. */
export type PaymentEvent =
  | PayResultEvent
  | PayErrorEvent
  | NotificationEvent
  | InquiryResultEvent
  | CancelRequestedEvent
  | CancelSentEvent
  | CancelResultEvent;
