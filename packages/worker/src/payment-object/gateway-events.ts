import {
  type AmsResult,
  findRefund,
  type PaymentEvent,
  type RefundNotice,
  type RefundResultEvent,
  type RefundState,
  toCancelEvent,
  toInquiryEvent,
  toPayEvent,
  toTransportErrorEvent,
} from "@ams-edge/core";

/** A gateway call's outcome: a verified result, or the error it threw (transport failure). */
export type CallOutcome<T> = { result: AmsResult<T> } | { error: unknown };

/** Runs a gateway call; a thrown error becomes an outcome so that it can be logged and fed on. */
export async function outcomeOf<T>(call: () => Promise<AmsResult<T>>): Promise<CallOutcome<T>> {
  try {
    return { result: await call() };
  } catch (error) {
    return { error };
  }
}

/** What the event log keeps of a call's final outcome. */
export function outcomeLogEntry(
  operation: string,
  outcome: CallOutcome<unknown>,
): Record<string, string> {
  if ("error" in outcome) {
    const code = (outcome.error as { code?: unknown } | null)?.code;
    return { operation, errorCode: typeof code === "string" ? code : "UNKNOWN_ERROR" };
  }
  const { status, resultCode, rawBody } = outcome.result;
  return { operation, status, resultCode, rawBody };
}

/** The state machine's event for a pay, inquiry or cancel outcome (core's mappings). */
export function eventOf(
  call: "pay" | "inquiry" | "cancel",
  outcome: CallOutcome<unknown>,
  at: number,
): PaymentEvent {
  if ("error" in outcome) {
    if (call === "pay") return toTransportErrorEvent("pay", outcome.error, at);
    if (call === "inquiry") return toTransportErrorEvent("inquiry", outcome.error, at);
    return toTransportErrorEvent("cancel", outcome.error, at);
  }
  if (call === "pay") return toPayEvent(outcome.result, at);
  if (call === "inquiry") return toInquiryEvent(outcome.result, at);
  return toCancelEvent(outcome.result, at);
}

/**
 * The `refund_result` event for a verified `REFUND_RESULT`'s notice, or null when the notice names
 * no refund of this payment.
 */
export function refundNoticeEvent(
  notice: RefundNotice,
  refunds: RefundState,
  at: number,
): RefundResultEvent | null {
  if (findRefund(refunds, notice.refundRequestId) === undefined) return null;
  return {
    type: "refund_result",
    at,
    refundRequestId: notice.refundRequestId,
    status: notice.status,
    resultCode: notice.resultCode,
    refundAmount: notice.refundAmount,
  };
}
