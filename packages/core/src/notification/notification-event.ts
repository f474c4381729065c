import type { NotificationEvent } from "../payment/payment-event.ts";
import type { PaymentAmount } from "../payment/payment-state.ts";
import {
  isPaymentResultNotification,
  isRefundResultNotification,
  type NotificationOutput,
  type PaymentResultNotificationOutput,
  type RefundResultNotificationOutput,
} from "../schemas/index.ts";

/** What a verified `REFUND_RESULT` says of one refund, before it is matched to a payment. */
export interface RefundNotice {
  /** The merchant's id of the refund. */
  refundRequestId: string;
  /** `S` refunded, `F` refused, `U` still processing. */
  status: "S" | "F" | "U";
  /** The result code, e.g. `SUCCESS`. */
  resultCode: string;
  /** The amount refunded, or null when the notification does not say. */
  refundAmount: PaymentAmount | null;
}

/**
 * A verified notification as what it means for the state machine: the one place that reads
 * notification shapes. Built once, where the notification is verified, and handed on as plain
 * data (it crosses RPC boundaries as is).
 *
 * - `payment`: a `PAYMENT_RESULT`. `event` is the state machine's `notification` event, or null
 *   when the body proves nothing the machine can act on (a `U`, no amount): the raw body is still
 *   kept by whoever stores it, and a scheduled inquiry decides.
 * - `refund`: a `REFUND_RESULT` naming one refund (`refundRequestId`).
 * - `other`: anything else (another `notifyType`, a refund result without a refund id).
 */
export type NotificationMeaning =
  | { kind: "payment"; paymentRequestId: string; event: NotificationEvent | null }
  | { kind: "refund"; notice: RefundNotice }
  | { kind: "other"; notifyType: string; paymentRequestId: string | null };

const REFUND_STATUS = { SUCCESS: "S", FAIL: "F", PROCESSING: "U" } as const;

function amountOf(amount: { currency: string; value: string } | undefined): PaymentAmount | null {
  return amount === undefined ? null : { currency: amount.currency, value: amount.value };
}

function paymentMeaning(
  notification: PaymentResultNotificationOutput,
  at: number,
): NotificationMeaning {
  const { result, paymentRequestId } = notification;
  const paymentAmount = amountOf(notification.paymentAmount);
  const status = result.resultStatus;
  const event: NotificationEvent | null =
    (status === "S" || status === "F") && paymentAmount !== null && result.resultCode !== ""
      ? {
          type: "notification",
          at,
          paymentRequestId,
          paymentId: notification.paymentId === "" ? null : (notification.paymentId ?? null),
          resultStatus: status,
          resultCode: result.resultCode,
          paymentAmount,
          paymentTime: notification.paymentTime === "" ? null : (notification.paymentTime ?? null),
        }
      : null;
  return { kind: "payment", paymentRequestId, event };
}

function refundMeaning(notification: RefundResultNotificationOutput): NotificationMeaning {
  const { refundRequestId, refundStatus, result } = notification;
  if (refundRequestId === undefined || refundRequestId === "") {
    return { kind: "other", notifyType: notification.notifyType, paymentRequestId: null };
  }
  return {
    kind: "refund",
    notice: {
      refundRequestId,
      status: refundStatus === undefined ? result.resultStatus : REFUND_STATUS[refundStatus],
      resultCode: result.resultCode,
      refundAmount: amountOf(notification.refundAmount),
    },
  };
}

/**
 * What a verified, parsed notification means (see {@link NotificationMeaning}); `at` is when it
 * was received (epoch ms).
 *
 * @example
 * const { notification } = await verifyNotification(request, options);
 * const meaning = notificationMeaning(notification, Date.now());
 * if (meaning.kind === "payment" && meaning.event !== null) {
 *   state = transition(state, meaning.event);
 * }
 */
export function notificationMeaning(
  notification: NotificationOutput,
  at: number,
): NotificationMeaning {
  if (isPaymentResultNotification(notification)) return paymentMeaning(notification, at);
  if (isRefundResultNotification(notification)) return refundMeaning(notification);
  const paymentRequestId: unknown = notification.paymentRequestId;
  return {
    kind: "other",
    notifyType: notification.notifyType,
    paymentRequestId: typeof paymentRequestId === "string" ? paymentRequestId : null,
  };
}
