import { InquiryRefundRequestSchema } from "@ams-edge/core";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { RefundRecord } from "../state/payment-record.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";
import { validateBody } from "./validate-body.ts";

function findRefund(
  runtime: SandboxRuntime,
  clientId: string,
  ids: { readonly refundId?: string | undefined; readonly refundRequestId?: string | undefined },
): RefundRecord | undefined {
  const byId = ids.refundId === undefined ? undefined : runtime.store.refundById(ids.refundId);
  const byRequest =
    ids.refundRequestId === undefined
      ? undefined
      : runtime.store.refundByRequestId(clientId, ids.refundRequestId);
  if (ids.refundId !== undefined && ids.refundRequestId !== undefined && byId !== byRequest)
    return undefined;
  const refund = byId ?? byRequest;
  return refund?.clientId === clientId ? refund : undefined;
}

/** `inquiryRefund`: a refund by either id (always SUCCESS here); `ORDER_NOT_EXIST` when unknown. */
export async function inquiryRefund(
  runtime: SandboxRuntime,
  call: GatewayCall,
): Promise<GatewayAnswer> {
  const checked = await validateBody(InquiryRefundRequestSchema, call.json);
  if (!checked.ok) return resultOnly(checked.result);
  const refund = findRefund(runtime, call.clientId, checked.value);
  if (refund === undefined)
    return resultOnly(wireResult("ORDER_NOT_EXIST", "The refund does not exist."));
  const payment = runtime.store.paymentById(refund.paymentId);
  return {
    body: {
      result: wireResult("SUCCESS"),
      refundStatus: "SUCCESS",
      refundRequestId: refund.refundRequestId,
      refundId: refund.refundId,
      paymentId: refund.paymentId,
      refundAmount: refund.amount,
      refundTime: runtime.time(refund.createdAt),
    },
    target: { paymentId: refund.paymentId, paymentRequestId: payment?.paymentRequestId ?? null },
  };
}
