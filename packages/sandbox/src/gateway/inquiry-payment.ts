import { InquiryPaymentRequestSchema } from "@ams-edge/core";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";
import { reportedAmount } from "../state/reported-amount.ts";
import { closeIfExpired } from "../wallet/customer-actions.ts";
import { findPayment } from "./find-payment.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";
import { validateBody } from "./validate-body.ts";

function paymentResult(payment: PaymentRecord): { code: string; message: string } {
  switch (payment.status) {
    case "PENDING":
    case "PROCESSING":
      return {
        code: "PAYMENT_IN_PROCESS",
        message: wireResult("PAYMENT_IN_PROCESS").resultMessage,
      };
    case "CANCELLED":
      return {
        code: "ORDER_IS_CLOSED",
        message: payment.reversed
          ? "The payment was cancelled after it was paid; the money went back to the customer."
          : "The payment was cancelled before it was paid.",
      };
    default:
      return {
        code: payment.resultCode ?? "PROCESS_FAIL",
        message:
          payment.resultMessage ?? wireResult(payment.resultCode ?? "PROCESS_FAIL").resultMessage,
      };
  }
}

/** The inquiryPayment body of a payment as it stands now. */
export function inquiryBody(
  runtime: SandboxRuntime,
  payment: PaymentRecord,
): Record<string, unknown> & {
  result: ReturnType<typeof wireResult>;
} {
  const { code, message } = paymentResult(payment);
  const wasPaid = payment.status === "SUCCESS" || payment.reversed;
  return {
    result: wireResult("SUCCESS"),
    paymentStatus: payment.status,
    paymentResultCode: code,
    paymentResultMessage: message,
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: reportedAmount(payment),
    ...(wasPaid ? { actualPaymentAmount: reportedAmount(payment) } : {}),
    paymentCreateTime: runtime.time(payment.createdAt),
    ...(payment.finishedAt === null ? {} : { paymentTime: runtime.time(payment.finishedAt) }),
  };
}

/** `inquiryPayment`: the payment's status by either id; `ORDER_NOT_EXIST` for an unknown one. */
export async function inquiryPayment(
  runtime: SandboxRuntime,
  call: GatewayCall,
): Promise<GatewayAnswer> {
  const checked = await validateBody(InquiryPaymentRequestSchema, call.json);
  if (!checked.ok) return resultOnly(checked.result);
  const ids = checked.value;
  const payment = findPayment(runtime, call.clientId, ids);
  if (payment === undefined) {
    return resultOnly(wireResult("ORDER_NOT_EXIST"), {
      paymentId: ids.paymentId ?? null,
      paymentRequestId: ids.paymentRequestId ?? null,
    });
  }
  const work = closeIfExpired(runtime, payment);
  return {
    body: inquiryBody(runtime, payment),
    target: { paymentId: payment.paymentId, paymentRequestId: payment.paymentRequestId },
    work,
  };
}
