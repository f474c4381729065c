import * as v from "valibot";
import { ResponseAmountSchema } from "./amount-schema.ts";
import { PspCustomerInfoSchema } from "./inquiry-payment-schema.ts";
import { RefundStatusSchema } from "./inquiry-refund-schema.ts";
import { ResultSchema } from "./result-schema.ts";

/**
 * `PAYMENT_RESULT`: the payment reached a final state. `result.resultStatus` `S` (after the
 * signature is verified) is the one proof that the customer paid. Unknown keys are kept.
 */
export const PaymentResultNotificationSchema = v.looseObject({
  /** Always `PAYMENT_RESULT`. */
  notifyType: v.literal("PAYMENT_RESULT"),
  /** The payment's outcome: `S` paid, `F` failed (e.g. `USER_BALANCE_NOT_ENOUGH`). */
  result: ResultSchema,
  /** The merchant's id of the payment. */
  paymentRequestId: v.string(),
  /** The provider's id of the payment. */
  paymentId: v.optional(v.string()),
  /** The amount asked for. */
  paymentAmount: v.optional(ResponseAmountSchema),
  /** The amount the customer actually paid. */
  actualPaymentAmount: v.optional(ResponseAmountSchema),
  /** When the payment was created (ISO 8601 as sent; not parsed). */
  paymentCreateTime: v.optional(v.string()),
  /** When the payment reached its final state (ISO 8601 as sent; not parsed). */
  paymentTime: v.optional(v.string()),
  /** The paying customer's wallet account, masked. */
  pspCustomerInfo: v.optional(PspCustomerInfoSchema),
});

/** Input type of {@link PaymentResultNotificationSchema}. */
export type PaymentResultNotificationInput = v.InferInput<typeof PaymentResultNotificationSchema>;
/** Output type of {@link PaymentResultNotificationSchema}. */
export type PaymentResultNotificationOutput = v.InferOutput<typeof PaymentResultNotificationSchema>;

/** `REFUND_RESULT`: may never be sent for in-store payments; do not depend on it. */
export const RefundResultNotificationSchema = v.looseObject({
  /** Always `REFUND_RESULT`. */
  notifyType: v.literal("REFUND_RESULT"),
  /** The refund's outcome. */
  result: ResultSchema,
  /** `SUCCESS` or `FAIL`. */
  refundStatus: v.optional(RefundStatusSchema),
  /** The merchant's id of the refund. */
  refundRequestId: v.optional(v.string()),
  /** The provider's id of the refund. */
  refundId: v.optional(v.string()),
  /** The provider's id of the refunded payment. */
  paymentId: v.optional(v.string()),
  /** The amount refunded. */
  refundAmount: v.optional(ResponseAmountSchema),
  /** When the refund succeeded (ISO 8601 as sent). */
  refundTime: v.optional(v.string()),
});

/** Input type of {@link RefundResultNotificationSchema}. */
export type RefundResultNotificationInput = v.InferInput<typeof RefundResultNotificationSchema>;
/** Output type of {@link RefundResultNotificationSchema}. */
export type RefundResultNotificationOutput = v.InferOutput<typeof RefundResultNotificationSchema>;

/** Every `notifyType` this library parses into its own member. */
export const KNOWN_NOTIFY_TYPES = ["PAYMENT_RESULT", "REFUND_RESULT"] as const;

/**
 * Any other `notifyType`: accepted (ack it) and kept as is, so a new kind of notification never
 * turns into a rejected delivery.
 */
export const OtherNotificationSchema = v.looseObject({
  /** A notification type this library does not model. */
  notifyType: v.pipe(v.string(), v.notValues(KNOWN_NOTIFY_TYPES)),
  /** The outcome, when present. */
  result: v.optional(ResultSchema),
});

/** Input type of {@link OtherNotificationSchema}. */
export type OtherNotificationInput = v.InferInput<typeof OtherNotificationSchema>;
/** Output type of {@link OtherNotificationSchema}. */
export type OtherNotificationOutput = v.InferOutput<typeof OtherNotificationSchema>;

/**
 * Any notification, told apart by `notifyType`. A malformed `PAYMENT_RESULT` fails (it never
 * falls back to the "other" member).
 *
 * @example
 * const n = v.parse(NotificationSchema, JSON.parse(rawBody));
 * if (isPaymentResultNotification(n) && n.result.resultStatus === "S") markPaid(n);
 */
export const NotificationSchema = v.variant("notifyType", [
  PaymentResultNotificationSchema,
  RefundResultNotificationSchema,
  OtherNotificationSchema,
]);

/** Input type of {@link NotificationSchema}. */
export type NotificationInput = v.InferInput<typeof NotificationSchema>;
/** Output type of {@link NotificationSchema}. */
export type NotificationOutput = v.InferOutput<typeof NotificationSchema>;

/**
 * True for a `PAYMENT_RESULT` notification, as a type guard. Comparing `notifyType` directly does
 * not narrow the union, because the "other" member's `notifyType` is typed as any string (at
 * runtime it is never one of {@link KNOWN_NOTIFY_TYPES}).
 */
export function isPaymentResultNotification(
  notification: NotificationOutput,
): notification is PaymentResultNotificationOutput {
  return notification.notifyType === "PAYMENT_RESULT";
}

/** True for a `REFUND_RESULT` notification, as a type guard (see {@link isPaymentResultNotification}). */
export function isRefundResultNotification(
  notification: NotificationOutput,
): notification is RefundResultNotificationOutput {
  return notification.notifyType === "REFUND_RESULT";
}
