import type { AmountView, PaymentStatus, PaymentView, RefundView } from "@ams-edge/core/api";
import type { WorkerClient } from "../client/create-worker-client.ts";
import { isPaymentView } from "../client/payment-view.ts";

/** Filters of `GET /api/payments`; times are ISO 8601. */
export interface ListPaymentsQuery {
  storeId?: string;
  status?: PaymentStatus;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** One page of payments, newest first; `nextCursor` is null on the last page. */
export interface PaymentPage {
  payments: PaymentView[];
  nextCursor: string | null;
}

/**
 * Lists payments (merchant API key), newest first.
 * @example
 * const { payments, nextCursor } = await listPayments(client, { storeId: "s1", limit: 20 });
 */
export function listPayments(
  client: WorkerClient,
  query: ListPaymentsQuery = {},
): Promise<PaymentPage> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const qs = search.toString();
  return client.request("GET", `/api/payments${qs ? `?${qs}` : ""}`, {
    auth: "merchant",
    valid: (v) => Array.isArray(v.payments) && v.payments.every(isPaymentView),
  });
}

/**
 * Refunds part or all of a paid payment (merchant API key). Pass the same `idempotencyKey` to
 * send the same refund again safely.
 * @example
 * await refundPayment(client, id, { amount: { currency: "USD", value: "599" }, reason: "returned" });
 */
export function refundPayment(
  client: WorkerClient,
  paymentRequestId: string,
  refund: { amount: AmountView; reason?: string },
  idempotencyKey?: string,
): Promise<RefundView> {
  return client.request("POST", `/api/payments/${encodeURIComponent(paymentRequestId)}/refunds`, {
    auth: "merchant",
    body: refund,
    valid: (v) => typeof v.refundRequestId === "string" && typeof v.status === "string",
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
}
