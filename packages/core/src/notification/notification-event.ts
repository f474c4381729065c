import type { NotificationEvent } from "../payment/payment-event.ts";
import type { PaymentAmount } from "../payment/payment-state.ts";
import {
  isPaymentResultNotification,
  isRefundResultNotification,
  type PaymentResultNotificationOutput,
  type RefundResultNotificationOutput,
} from "../schemas/index.ts";
import type { VerifiedNotification } from "./notification-options.ts";

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
 * Why a verified notification changes no payment by itself; it is kept for review all the same.
 *
 * - `BODY_NOT_JSON`, `BODY_INVALID`: the body could not be parsed (see `bodyProblem`).
 * - `RESULT_UNKNOWN`: a `PAYMENT_RESULT` whose `resultStatus` is `U`.
 * - `PAYMENT_REQUEST_ID_MISSING`: a `PAYMENT_RESULT` whose `paymentRequestId` is empty.
 * - `AMOUNT_MISSING`: a success without `paymentAmount`, which a success must carry (a failure
 *   applies without one).
 * - `RESULT_CODE_MISSING`: a result with an empty `resultCode`.
 * - `REFUND_ID_MISSING`: a `REFUND_RESULT` without `refundRequestId`.
 * - `NOTIFY_TYPE_UNKNOWN`: a `notifyType` this library does not model.
 * - `PAYMENT_UNKNOWN`, `REFUND_UNKNOWN`: a result for a payment, or a refund, the receiver does not
 *   hold (set where the notification is matched to stored payments, not by this function).
 */
export type UnappliedReason =
  | "BODY_NOT_JSON"
  | "BODY_INVALID"
  | "PAYMENT_REQUEST_ID_MISSING"
  | "RESULT_UNKNOWN"
  | "AMOUNT_MISSING"
  | "RESULT_CODE_MISSING"
  | "REFUND_ID_MISSING"
  | "NOTIFY_TYPE_UNKNOWN"
  | "PAYMENT_UNKNOWN"
  | "REFUND_UNKNOWN";

/**
 * A verified notification as what it means for the state machine: the one place that reads
 * notification shapes. Built once, where the notification is verified, and handed on as plain
 * data (it crosses RPC boundaries as is).
 *
 * - `payment`: a `PAYMENT_RESULT`. `event` is the state machine's `notification` event, or null
 *   with the `reason` when the body proves nothing the machine can act on (a `U`, a success
 *   without its amount): whoever stores it keeps the raw body, and a scheduled inquiry decides.
 * - `refund`: a `REFUND_RESULT` naming one refund (`refundRequestId`).
 * - `other`: anything else, with the `reason` it applies to nothing, and the `paymentRequestId`
 *   it names when it names one (a body the schema refused may still say which payment it is for).
 */
export type NotificationMeaning =
  | {
      kind: "payment";
      paymentRequestId: string;
      event: NotificationEvent | null;
      reason: UnappliedReason | null;
    }
  | { kind: "refund"; notice: RefundNotice }
  | {
      kind: "other";
      notifyType: string | null;
      paymentRequestId: string | null;
      reason: UnappliedReason;
    };

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
  const common = {
    type: "notification" as const,
    at,
    paymentRequestId,
    paymentId: notification.paymentId === "" ? null : (notification.paymentId ?? null),
    resultCode: result.resultCode,
    paymentTime: notification.paymentTime === "" ? null : (notification.paymentTime ?? null),
  };
  let event: NotificationEvent | null = null;
  let reason: UnappliedReason | null = null;
  if (paymentRequestId === "") reason = "PAYMENT_REQUEST_ID_MISSING";
  else if (status === "U") reason = "RESULT_UNKNOWN";
  else if (result.resultCode === "") reason = "RESULT_CODE_MISSING";
  // A failure is a failure with or without an amount (the provider's failure notification has
  // none); a success counts only with the amount it was paid for.
  else if (status === "F") event = { ...common, resultStatus: "F", paymentAmount };
  else if (paymentAmount === null) reason = "AMOUNT_MISSING";
  else event = { ...common, resultStatus: "S", paymentAmount };
  return { kind: "payment", paymentRequestId, event, reason };
}

function refundMeaning(notification: RefundResultNotificationOutput): NotificationMeaning {
  const { refundRequestId, refundStatus, result } = notification;
  if (refundRequestId === undefined || refundRequestId === "") {
    return {
      kind: "other",
      notifyType: notification.notifyType,
      paymentRequestId: null,
      reason: "REFUND_ID_MISSING",
    };
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

function textField(json: unknown, key: string): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const value = (json as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * What a verified notification means (see {@link NotificationMeaning}); `at` is when it was
 * received (epoch ms). Takes `verifyNotification`'s result as it is, parsed or not.
 *
 * @example
 * const verified = await verifyNotification(request, options);
 * const meaning = notificationMeaning(verified, Date.now());
 * if (meaning.kind === "payment" && meaning.event !== null) {
 *   state = transition(state, meaning.event);
 * }
 */
export function notificationMeaning(
  verified: Pick<VerifiedNotification, "notification" | "bodyProblem" | "json">,
  at: number,
): NotificationMeaning {
  const { notification } = verified;
  if (notification === null) {
    return {
      kind: "other",
      notifyType: textField(verified.json, "notifyType"),
      paymentRequestId: textField(verified.json, "paymentRequestId"),
      reason: verified.bodyProblem?.code ?? "BODY_INVALID",
    };
  }
  if (isPaymentResultNotification(notification)) return paymentMeaning(notification, at);
  if (isRefundResultNotification(notification)) return refundMeaning(notification);
  return {
    kind: "other",
    notifyType: notification.notifyType,
    paymentRequestId: textField(notification, "paymentRequestId"),
    reason: "NOTIFY_TYPE_UNKNOWN",
  };
}
