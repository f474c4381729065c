import type { PaymentAmount } from "../payment/payment-state.ts";
import type { GatewayResult } from "../payment/result-events.ts";
import type { RefundInquiryEvent, RefundObservation, RefundResultEvent } from "./refund-event.ts";

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function amountOf(value: unknown): PaymentAmount | null {
  const { currency, value: minor } = fields(value);
  return typeof currency === "string" && typeof minor === "string"
    ? { currency, value: minor }
    : null;
}

function errorCodeOf(error: unknown): string {
  const { code } = fields(error);
  return typeof code === "string" && code !== "" ? code : "UNKNOWN_ERROR";
}

/**
 * The `refund_result` event for a refund call's answer.
 *
 * @example
 * refunds = transitionRefund(refunds, toRefundResultEvent(id, await client.refund(request), Date.now()));
 */
export function toRefundResultEvent(
  refundRequestId: string,
  result: GatewayResult,
  at: number,
): RefundResultEvent {
  return {
    type: "refund_result",
    at,
    refundRequestId,
    status: result.status,
    resultCode: result.resultCode,
    refundAmount: result.status === "S" ? amountOf(fields(result.data).refundAmount) : null,
  };
}

const OBSERVED: Readonly<Record<string, RefundObservation>> = {
  SUCCESS: "SUCCESS",
  FAIL: "FAIL",
  PROCESSING: "PROCESSING",
};

/** The `refund_inquiry_result` event for an `inquiryRefund` answer about one refund. */
export function toRefundInquiryEvent(
  refundRequestId: string,
  result: GatewayResult,
  at: number,
): RefundInquiryEvent {
  const data = fields(result.data);
  let observation: RefundObservation = "UNKNOWN";
  if (result.status === "S") {
    observation = OBSERVED[String(data.refundStatus)] ?? "UNKNOWN";
  } else if (result.status === "F" && result.resultCode === "ORDER_NOT_EXIST") {
    observation = "ORDER_NOT_EXIST";
  }
  return {
    type: "refund_inquiry_result",
    at,
    refundRequestId,
    observation,
    resultCode: result.resultCode,
    refundAmount: observation === "SUCCESS" ? amountOf(data.refundAmount) : null,
  };
}

/**
 * The event for a refund or `inquiryRefund` call that threw instead of answering (timeout,
 * network, bad signature): the outcome is unknown (`U`, or `UNKNOWN`) with the client's code.
 */
export function toRefundErrorEvent(
  call: "refund",
  refundRequestId: string,
  error: unknown,
  at: number,
): RefundResultEvent;
export function toRefundErrorEvent(
  call: "inquiryRefund",
  refundRequestId: string,
  error: unknown,
  at: number,
): RefundInquiryEvent;
export function toRefundErrorEvent(
  call: "refund" | "inquiryRefund",
  refundRequestId: string,
  error: unknown,
  at: number,
): RefundResultEvent | RefundInquiryEvent {
  const resultCode = errorCodeOf(error);
  if (call === "refund") {
    return {
      type: "refund_result",
      at,
      refundRequestId,
      status: "U",
      resultCode,
      refundAmount: null,
    };
  }
  return {
    type: "refund_inquiry_result",
    at,
    refundRequestId,
    observation: "UNKNOWN",
    resultCode,
    refundAmount: null,
  };
}
