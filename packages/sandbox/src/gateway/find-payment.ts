import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";

/**
 * The merchant's payment named by `paymentId` and/or `paymentRequestId`; both must name the same
 * payment when both are given. Payments of other client ids are invisible.
 */
export function findPayment(
  runtime: SandboxRuntime,
  clientId: string,
  ids: { readonly paymentId?: string | undefined; readonly paymentRequestId?: string | undefined },
): PaymentRecord | undefined {
  const byId = ids.paymentId === undefined ? undefined : runtime.store.paymentById(ids.paymentId);
  const byRequest =
    ids.paymentRequestId === undefined
      ? undefined
      : runtime.store.paymentByRequestId(clientId, ids.paymentRequestId);
  if (ids.paymentId !== undefined && ids.paymentRequestId !== undefined && byId !== byRequest)
    return undefined;
  const payment = byId ?? byRequest;
  return payment?.clientId === clientId ? payment : undefined;
}
