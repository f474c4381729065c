import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";
import { reportedAmount } from "../state/reported-amount.ts";

/**
 * The `PAYMENT_RESULT` notification body of a payment that reached SUCCESS or FAIL, in the
 * provider's field order.
 */
export function paymentResultBody(runtime: SandboxRuntime, payment: PaymentRecord): string {
  const success = payment.status === "SUCCESS";
  const amount = reportedAmount(payment);
  return JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: {
      resultCode: payment.resultCode ?? (success ? "SUCCESS" : "PROCESS_FAIL"),
      resultStatus: success ? "S" : "F",
      resultMessage: payment.resultMessage ?? (success ? "success" : "process fail"),
    },
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: amount,
    ...(success ? { actualPaymentAmount: amount } : {}),
    paymentCreateTime: runtime.time(payment.createdAt),
    ...(payment.finishedAt === null ? {} : { paymentTime: runtime.time(payment.finishedAt) }),
  });
}
