import { WorkerError } from "../http/worker-error.ts";
import type { PaymentObject } from "../payment-object/payment-object.ts";
import type { ObjectResult } from "../payment-object/payment-view.ts";
import { isPaymentRequestId } from "./payment-request-id.ts";

/** The Durable Object of one payment, addressed by its payment request id. */
export function paymentObject(
  env: Env,
  paymentRequestId: string,
): DurableObjectStub<PaymentObject> {
  if (!isPaymentRequestId(paymentRequestId)) {
    throw new WorkerError(
      "PAYMENT_NOT_FOUND",
      "expected a payment request id of at most 64 letters, digits, _ or -",
    );
  }
  return env.PAYMENTS.get(env.PAYMENTS.idFromName(paymentRequestId));
}

/** The value of a payment object's answer, or the matching WorkerError. */
export function unwrap<T>(result: ObjectResult<T>): T {
  if (result.ok) return result.value;
  throw new WorkerError(result.code, result.message);
}
