import type { AmsClient, PaymentEvent, RefundResultEvent } from "@ams-edge/core";
import { outcomeLogEntry, outcomeOf } from "./gateway-events.ts";
import type { EventKind, StoredPayment } from "./payment-storage.ts";
import type { AmountView, ObjectResult, RefundView } from "./payment-view.ts";

/** A refund the merchant asked for. */
export interface RefundCommand {
  /** The idempotency key of the refund at the gateway. */
  refundRequestId: string;
  amount: AmountView;
  reason: string | null;
  /** Where the provider may send `REFUND_RESULT` (it may not, for in-store payments). */
  notifyUrl: string;
}

const refundStatus = { S: "succeeded", F: "failed", U: "processing" } as const;

/**
 * Checks and sends a refund, then applies its answer as a `refund_result` event. A refund id
 * already answered with S or F is answered from the state; one left unclear is sent again with
 * the same id (the gateway treats it as the same refund).
 */
export async function runRefund(
  stored: StoredPayment,
  command: RefundCommand,
  client: AmsClient,
  apply: (event: PaymentEvent) => boolean,
  log: (kind: EventKind, data: unknown) => void,
  inFlight: Map<string, AmountView>,
): Promise<ObjectResult<RefundView>> {
  const { state } = stored;
  if (inFlight.has(command.refundRequestId)) {
    return {
      ok: true,
      value: {
        refundRequestId: command.refundRequestId,
        status: "processing",
        amount: command.amount,
      },
    };
  }
  const known = state.refunds[command.refundRequestId];
  if (known !== undefined && known.status !== "U") {
    return {
      ok: true,
      value: {
        refundRequestId: command.refundRequestId,
        status: refundStatus[known.status],
        amount: known.amount,
      },
    };
  }
  if (state.status !== "succeeded" || state.paymentId === null) {
    return {
      ok: false,
      code: "PAYMENT_NOT_REFUNDABLE",
      message: `the payment is ${state.status}; only a succeeded payment can be refunded`,
    };
  }
  if (command.amount.currency !== state.amount.currency) {
    return {
      ok: false,
      code: "REFUND_AMOUNT_EXCEEDED",
      message: `expected a refund in ${state.amount.currency}, the payment's currency; got ${command.amount.currency}`,
    };
  }
  // Unclear refunds may still go through, so they count against what is left.
  let committed = 0n;
  for (const [id, refund] of Object.entries(state.refunds)) {
    if (refund.status === "S" || (refund.status === "U" && id !== command.refundRequestId)) {
      committed += BigInt(refund.amount.value);
    }
  }
  // Refunds being sent right now (their answer not applied yet) count too.
  for (const amount of inFlight.values()) committed += BigInt(amount.value);
  const left = BigInt(state.amount.value) - committed;
  if (BigInt(command.amount.value) > left) {
    return {
      ok: false,
      code: "REFUND_AMOUNT_EXCEEDED",
      message: `expected at most ${left} (minor units) still refundable; got ${command.amount.value}`,
    };
  }
  log("command", { type: "refund", ...command });
  const paymentId = state.paymentId;
  inFlight.set(command.refundRequestId, command.amount);
  const outcome = await outcomeOf(() =>
    client.refund({
      refundRequestId: command.refundRequestId,
      paymentId,
      refundAmount: command.amount,
      ...(command.reason === null ? {} : { refundReason: command.reason }),
      refundNotifyUrl: command.notifyUrl,
    }),
  ).finally(() => inFlight.delete(command.refundRequestId));
  const entry = outcomeLogEntry("refund", outcome);
  log("response", entry);
  // A transport failure leaves the refund unclear (U), like a U answer.
  const event: RefundResultEvent = {
    type: "refund_result",
    at: Date.now(),
    refundRequestId: command.refundRequestId,
    status: "error" in outcome ? "U" : outcome.result.status,
    resultCode: entry.resultCode ?? entry.errorCode ?? "UNKNOWN_ERROR",
    refundAmount: command.amount,
  };
  apply(event);
  return {
    ok: true,
    value: {
      refundRequestId: command.refundRequestId,
      status: refundStatus[event.status],
      amount: command.amount,
    },
  };
}
