import { CancelRequestSchema } from "@ams-edge/core";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import { closeIfExpired } from "../wallet/customer-actions.ts";
import { findPayment } from "./find-payment.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";
import { validateBody } from "./validate-body.ts";

/**
 * `cancel`: closes an unpaid payment, or reverses a paid one inside the cancel window (not once
 * it has refunds). Cancelling again, or cancelling a payment already closed unpaid, succeeds and
 * changes nothing.
 */
export async function cancel(runtime: SandboxRuntime, call: GatewayCall): Promise<GatewayAnswer> {
  const checked = await validateBody(CancelRequestSchema, call.json);
  if (!checked.ok) return resultOnly(checked.result);
  const ids = checked.value;
  const payment = findPayment(runtime, call.clientId, ids);
  if (payment === undefined) {
    return resultOnly(wireResult("ORDER_NOT_EXIST"), {
      paymentId: ids.paymentId ?? null,
      paymentRequestId: ids.paymentRequestId ?? null,
    });
  }
  const target = { paymentId: payment.paymentId, paymentRequestId: payment.paymentRequestId };
  const work = closeIfExpired(runtime, payment);
  const now = runtime.clock.now();
  if (payment.status === "SUCCESS") {
    if (payment.refunded > 0n) {
      return resultOnly(
        wireResult(
          "ORDER_STATUS_INVALID",
          "The payment has refunds and can no longer be cancelled; refund the rest instead.",
        ),
        target,
      );
    }
    if (now - (payment.finishedAt ?? now) > runtime.settings.cancelWindowMs) {
      return resultOnly(wireResult("CANCEL_WINDOW_EXCEED"), target);
    }
    payment.reversed = true;
  }
  if (
    payment.status === "PENDING" ||
    payment.status === "PROCESSING" ||
    payment.status === "SUCCESS"
  ) {
    payment.status = "CANCELLED";
  }
  payment.cancelledAt ??= now;
  return {
    body: {
      result: wireResult("SUCCESS"),
      paymentId: payment.paymentId,
      paymentRequestId: payment.paymentRequestId,
      cancelTime: runtime.time(payment.cancelledAt),
    },
    target,
    work,
  };
}
