import { RefundRequestSchema } from "@ams-edge/core";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { RefundRecord } from "../state/payment-record.ts";
import { reportedAmount } from "../state/reported-amount.ts";
import { closeIfExpired } from "../wallet/customer-actions.ts";
import { findPayment } from "./find-payment.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";
import { illegal, validateBody } from "./validate-body.ts";

/**
 * `refund`: gives back part or all of a paid payment, at once. The sum of refunds may not exceed
 * the paid amount (`REFUND_AMOUNT_EXCEED`); only paid, not cancelled, payments can be refunded
 * (`ORDER_STATUS_INVALID`), inside the refund window (`REFUND_WINDOW_EXCEED`). The refund request
 * id is the idempotency key, like the payment request id for pay.
 */
export async function refund(runtime: SandboxRuntime, call: GatewayCall): Promise<GatewayAnswer> {
  const checked = await validateBody(RefundRequestSchema, call.json);
  if (!checked.ok) return resultOnly(checked.result);
  const request = checked.value;
  const fingerprint = JSON.stringify([
    request.paymentId,
    request.refundAmount.currency,
    request.refundAmount.value,
  ]);
  const payment = findPayment(runtime, call.clientId, { paymentId: request.paymentId });
  const target = {
    paymentId: request.paymentId,
    paymentRequestId: payment?.paymentRequestId ?? null,
  };
  const existing = runtime.store.refundByRequestId(call.clientId, request.refundRequestId);
  if (existing !== undefined) {
    if (existing.fingerprint !== fingerprint) {
      return resultOnly(
        wireResult(
          "REPEAT_REQ_INCONSISTENT",
          `refundRequestId "${request.refundRequestId}" was used for refund ${existing.refundId} with another payment or amount.`,
        ),
        target,
      );
    }
    return { body: existing.responseBody, target };
  }
  if (payment === undefined) return resultOnly(wireResult("ORDER_NOT_EXIST"), target);
  const work = closeIfExpired(runtime, payment);
  if (payment.status !== "SUCCESS") {
    return {
      ...resultOnly(
        wireResult(
          "ORDER_STATUS_INVALID",
          `Only a paid payment can be refunded; this one is ${payment.status}.`,
        ),
        target,
      ),
      work,
    };
  }
  const now = runtime.clock.now();
  if (now - (payment.finishedAt ?? now) > runtime.settings.refundWindowMs) {
    return resultOnly(wireResult("REFUND_WINDOW_EXCEED"), target);
  }
  const paid = reportedAmount(payment);
  if (request.refundAmount.currency !== paid.currency) {
    return resultOnly(
      illegal("refundAmount.currency", `must be ${paid.currency}, the payment's currency`),
      target,
    );
  }
  const value = BigInt(request.refundAmount.value);
  if (value <= 0n)
    return resultOnly(illegal("refundAmount.value", "must be greater than 0"), target);
  if (payment.refunded + value > BigInt(paid.value)) {
    return resultOnly(
      wireResult(
        "REFUND_AMOUNT_EXCEED",
        `Refunds would total ${payment.refunded + value} but only ${paid.value} ${paid.currency} (minor units) was paid.`,
      ),
      target,
    );
  }
  payment.refunded += value;
  const refundId = runtime.store.newRefundId(now);
  const responseBody = JSON.stringify({
    result: wireResult("SUCCESS"),
    refundRequestId: request.refundRequestId,
    refundId,
    paymentId: payment.paymentId,
    refundAmount: { currency: request.refundAmount.currency, value: request.refundAmount.value },
    refundTime: runtime.time(now),
  });
  const record: RefundRecord = {
    clientId: call.clientId,
    refundId,
    refundRequestId: request.refundRequestId,
    paymentId: payment.paymentId,
    amount: { currency: request.refundAmount.currency, value: request.refundAmount.value },
    reason: request.refundReason ?? null,
    createdAt: now,
    fingerprint,
    responseBody,
  };
  runtime.store.addRefund(record);
  return { body: responseBody, target };
}
