import {
  type AmsResult,
  type PaymentAmount,
  type PaymentEvent,
  type PaymentState,
  type RefundResultEvent,
  type RefundResultNotificationOutput,
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

function amountOf(value: unknown): PaymentAmount | null {
  if (typeof value !== "object" || value === null) return null;
  const { currency, value: minor } = value as Record<string, unknown>;
  return typeof currency === "string" && typeof minor === "string"
    ? { currency, value: minor }
    : null;
}

const refundStatuses = { SUCCESS: "S", FAIL: "F", PROCESSING: "U" } as const;

/** The `refund_result` event for a verified `REFUND_RESULT`, or null when it names no known refund. */
export function refundNotificationEvent(
  notification: RefundResultNotificationOutput,
  state: PaymentState,
  at: number,
): RefundResultEvent | null {
  const id = notification.refundRequestId;
  const known = id === undefined ? undefined : state.refunds[id];
  if (id === undefined || known === undefined) return null;
  const status =
    notification.refundStatus === undefined
      ? notification.result.resultStatus
      : refundStatuses[notification.refundStatus];
  return {
    type: "refund_result",
    at,
    refundRequestId: id,
    status,
    resultCode: notification.result.resultCode,
    refundAmount: amountOf(notification.refundAmount) ?? known.amount,
  };
}
