import {
  type AmountView,
  type PaymentStatus,
  type PaymentView,
  REFUND_VIEW_STATUSES,
  type RefundView,
} from "@ams-edge/core/api";
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
 * Refunds part or all of a paid payment (merchant API key). `idempotencyKey` names the refund:
 * make one per refund the cashier asks for, keep it until the refund has a final answer, and send
 * it again on every retry, so that a retry after a timeout is the same refund, not a second one
 * (the Worker refuses the same key with another amount, `IDEMPOTENCY_KEY_REUSED`).
 * `useRecentPayments` does all of this.
 * @example
 * await refundPayment(client, id, { amount: { currency: "USD", value: "599" }, reason: "returned" }, key);
 */
export function refundPayment(
  client: WorkerClient,
  paymentRequestId: string,
  refund: { amount: AmountView; reason?: string },
  idempotencyKey: string,
): Promise<RefundView> {
  return client.request("POST", `/api/payments/${encodeURIComponent(paymentRequestId)}/refunds`, {
    auth: "merchant",
    body: refund,
    valid: (v) =>
      typeof v.refundRequestId === "string" &&
      (REFUND_VIEW_STATUSES as readonly unknown[]).includes(v.status),
    idempotencyKey,
  });
}

/**
 * Asks the gateway about a payment once more, now (merchant API key), and answers with the
 * payment: a clear answer lifts its `attention` flag, an unclear one keeps it.
 * @example
 * const payment = await inquirePayment(client, id);
 * if (payment.attention === null) console.log("settled:", payment.status);
 */
export function inquirePayment(
  client: WorkerClient,
  paymentRequestId: string,
): Promise<PaymentView> {
  return client.request("POST", `/api/payments/${encodeURIComponent(paymentRequestId)}/inquire`, {
    auth: "merchant",
    valid: isPaymentView,
  });
}
