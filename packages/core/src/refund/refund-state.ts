import type { AttentionRecord, PaymentAmount } from "../payment/payment-state.ts";

/**
 * Where one refund stands:
 *
 * - `sending`: recorded, its refund call sent (or about to be) and not answered yet.
 * - `unclear`: answered without a verdict (`U`, a transport error, a timeout, or
 *   `REPEAT_REQ_INCONSISTENT`): followed up by `inquiryRefund`.
 * - `succeeded`: the gateway confirmed it. Final.
 * - `failed`: the gateway refused it, or never took it. Final.
 */
export type RefundStatus = "sending" | "unclear" | "succeeded" | "failed";

/** One refund of a payment, recorded before its refund call is sent. */
export interface RefundRecord {
  /** The refund's id at the gateway, fixed when it is recorded and used for every call. */
  refundRequestId: string;
  /** The amount asked for. */
  amount: PaymentAmount;
  /** The reason given to the gateway, or `null`. */
  reason: string | null;
  status: RefundStatus;
  /** The amount the gateway confirmed (set with `succeeded`). */
  refunded: PaymentAmount | null;
  /** The last result code that explains the status, e.g. `PAYMENT_IN_PROCESS`. */
  resultCode: string | null;
  /** When it was recorded (and its refund call sent), epoch ms. */
  requestedAt: number;
  /** When the refund call was answered, epoch ms, or `null` while it was not. */
  answeredAt: number | null;
  /** Inquiries answered without a verdict since the refund became unclear. */
  inquiries: number;
  /** `ORDER_NOT_EXIST` inquiry answers in a row. */
  notFound: number;
  /** When the last inquiry was answered, epoch ms, or `null`. */
  lastInquiryAt: number | null;
  /** Set when its follow-up reached its limit unsettled (`REFUND_UNSETTLED`), else `null`. */
  attention: AttentionRecord | null;
  /** When it last changed, epoch ms. */
  updatedAt: number;
  /** Bumped by one on every change of this refund. */
  version: number;
}

/**
 * Every refund of one payment, oldest first. Plain JSON data: store it as is and feed it back
 * to {@link transitionRefund} and {@link nextRefundAction}. Timestamps are epoch milliseconds.
 */
export interface RefundState {
  /** The payment the refunds belong to. */
  paymentRequestId: string;
  refunds: RefundRecord[];
  /** Bumped by one on every change; equal versions mean equal states. */
  version: number;
  /** When the state last changed (the latest event time seen), epoch ms. */
  updatedAt: number;
}

/**
 * The empty refund state of a payment.
 *
 * @example
 * let refunds = createRefunds("order-1001");
 */
export function createRefunds(paymentRequestId: string): RefundState {
  return { paymentRequestId, refunds: [], version: 0, updatedAt: 0 };
}

/** The refund with this id, if recorded. */
export function findRefund(state: RefundState, refundRequestId: string): RefundRecord | undefined {
  return state.refunds.find((refund) => refund.refundRequestId === refundRequestId);
}

/** True for `succeeded` and `failed`: no event moves a refund out of them. */
export function isFinalRefundStatus(status: RefundStatus): boolean {
  return status === "succeeded" || status === "failed";
}
