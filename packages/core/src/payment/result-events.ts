import { is } from "valibot";
import { notificationMeaning } from "../notification/notification-event.ts";
import { PaymentResultNotificationSchema } from "../schemas/notification-schema.ts";
import type {
  CancelResultEvent,
  InquiryResultEvent,
  NotificationEvent,
  PayErrorEvent,
  PayResultEvent,
} from "./payment-event.ts";
import type { PaymentAmount, PaymentCode } from "./payment-state.ts";

/**
 * The part of a gateway answer the state machine reads. The client's `AmsResult<T>` fits it as is.
 */
export interface GatewayResult {
  status: "S" | "F" | "U";
  resultCode: string;
  data: unknown;
}

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function amountOf(value: unknown): PaymentAmount | null {
  const { currency, value: minor } = fields(value);
  return typeof currency === "string" && typeof minor === "string"
    ? { currency, value: minor }
    : null;
}

function ids(data: Fields): { paymentRequestId?: string; paymentId: string | null } {
  const paymentRequestId = text(data.paymentRequestId);
  const paymentId = text(data.paymentId);
  return paymentRequestId === null ? { paymentId } : { paymentRequestId, paymentId };
}

/** The code to show: the `TEXT` entry (a URL to render as QR) first, else the first entry. */
function orderCodeOf(data: Fields): PaymentCode | null {
  const form = fields(data.orderCodeForm);
  const details = Array.isArray(form.codeDetails) ? form.codeDetails.map(fields) : [];
  const chosen = details.find((d) => d.displayType === "TEXT") ?? details[0];
  const value = chosen === undefined ? null : text(chosen.codeValue);
  if (chosen === undefined || value === null) return null;
  const expireTime = text(form.expireTime);
  const expiresAt = expireTime === null ? Number.NaN : Date.parse(expireTime);
  return {
    value,
    type: chosen.codeValueType === "BARCODE" ? "BARCODE" : "QRCODE",
    expiresAt: Number.isNaN(expiresAt) ? null : expiresAt,
  };
}

function redirectUrlOf(data: Fields): string | null {
  return (
    text(fields(data.redirectActionForm).redirectUrl) ??
    text(data.normalUrl) ??
    text(data.schemeUrl) ??
    text(data.applinkUrl)
  );
}

/**
 * The `pay_result` event for a pay answer, with the order code or redirect URL it carries.
 *
 * @example
 * const event = toPayEvent(await client.createOrderCode(order), Date.now());
 */
export function toPayEvent(result: GatewayResult, at: number): PayResultEvent {
  const data = fields(result.data);
  return {
    type: "pay_result",
    at,
    status: result.status,
    resultCode: result.resultCode,
    ...ids(data),
    code: orderCodeOf(data),
    redirectUrl: redirectUrlOf(data),
  };
}

/** The `inquiry_result` event for an inquiryPayment answer. */
export function toInquiryEvent(result: GatewayResult, at: number): InquiryResultEvent {
  const data = fields(result.data);
  const event: InquiryResultEvent = {
    type: "inquiry_result",
    at,
    resultStatus: result.status,
    resultCode: result.resultCode,
    ...ids(data),
    paymentAmount: amountOf(data.paymentAmount),
    paymentResultCode: text(data.paymentResultCode),
    paymentTime: text(data.paymentTime),
  };
  const status = data.paymentStatus;
  if (
    status === "SUCCESS" ||
    status === "FAIL" ||
    status === "PROCESSING" ||
    status === "CANCELLED" ||
    status === "PENDING"
  ) {
    event.paymentStatus = status;
  }
  return event;
}

/** The `cancel_result` event for a cancel answer. */
export function toCancelEvent(result: GatewayResult, at: number): CancelResultEvent {
  return {
    type: "cancel_result",
    at,
    resultStatus: result.status,
    resultCode: result.resultCode,
    ...ids(fields(result.data)),
  };
}

/**
 * The `notification` event for a verified `PAYMENT_RESULT` body (parsed JSON), or `null` for any
 * other body or one that proves nothing (a `U`, a success without its amount). The same reading
 * as `notificationMeaning`, for a body that has not been through the schema yet.
 */
export function toNotificationEvent(body: unknown, at: number): NotificationEvent | null {
  if (!is(PaymentResultNotificationSchema, body)) return null;
  const meaning = notificationMeaning({ notification: body, bodyProblem: null, json: body }, at);
  return meaning.kind === "payment" ? meaning.event : null;
}

/** The stable code of a thrown transport error (`AmsClientError.code`), or `UNKNOWN_ERROR`. */
function errorCodeOf(error: unknown): string {
  return text(fields(error).code) ?? "UNKNOWN_ERROR";
}

/**
 * The event for a call that threw instead of answering (timeout, network, bad signature): the
 * outcome is unknown, so pay gives `pay_error` and inquiry or cancel give a `U` answer.
 */
export function toTransportErrorEvent(call: "pay", error: unknown, at: number): PayErrorEvent;
export function toTransportErrorEvent(
  call: "inquiry",
  error: unknown,
  at: number,
): InquiryResultEvent;
export function toTransportErrorEvent(
  call: "cancel",
  error: unknown,
  at: number,
): CancelResultEvent;
export function toTransportErrorEvent(
  call: "pay" | "inquiry" | "cancel",
  error: unknown,
  at: number,
): PayErrorEvent | InquiryResultEvent | CancelResultEvent {
  const code = errorCodeOf(error);
  if (call === "pay") return { type: "pay_error", at, errorCode: code };
  if (call === "inquiry")
    return { type: "inquiry_result", at, resultStatus: "U", resultCode: code };
  return { type: "cancel_result", at, resultStatus: "U", resultCode: code };
}
