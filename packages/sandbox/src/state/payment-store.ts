import { fromLedgerPayment, type LedgerSnapshot, toLedgerPayment } from "./ledger-snapshot.ts";
import type { PaymentRecord, RefundRecord } from "./payment-record.ts";

/** Every payment and refund the sandbox knows, with the indexes the gateway looks them up by. */
export interface PaymentStore {
  /** A fresh 20-digit payment id. */
  newPaymentId(now: number): string;
  /** A fresh 20-digit refund id. */
  newRefundId(now: number): string;
  addPayment(payment: PaymentRecord): void;
  addRefund(refund: RefundRecord): void;
  paymentById(paymentId: string): PaymentRecord | undefined;
  paymentByRequestId(clientId: string, paymentRequestId: string): PaymentRecord | undefined;
  /** By payment id first, then by merchant request id across every client. */
  findPayment(id: string): PaymentRecord | undefined;
  refundById(refundId: string): RefundRecord | undefined;
  refundByRequestId(clientId: string, refundRequestId: string): RefundRecord | undefined;
  refundsOf(paymentId: string): RefundRecord[];
  payments(): PaymentRecord[];
  /** Every payment and refund as plain JSON, to restore later. */
  snapshot(): LedgerSnapshot;
}

function datePart(now: number): string {
  return new Date(now).toISOString().slice(0, 10).replaceAll("-", "");
}

/** Creates an in-memory store: empty, or holding what `from` recorded. */
export function createPaymentStore(from?: LedgerSnapshot): PaymentStore {
  const payments = new Map<string, PaymentRecord>();
  const paymentsByRequest = new Map<string, string>();
  const refunds = new Map<string, RefundRecord>();
  const refundsByRequest = new Map<string, string>();
  let sequence = from?.sequence ?? 0;
  const key = (clientId: string, requestId: string): string => `${clientId}\u0000${requestId}`;
  const nextSequence = (): string => {
    sequence += 1;
    return String(sequence).padStart(10, "0");
  };

  const addPayment = (payment: PaymentRecord): void => {
    payments.set(payment.paymentId, payment);
    paymentsByRequest.set(key(payment.clientId, payment.paymentRequestId), payment.paymentId);
  };
  const addRefund = (refund: RefundRecord): void => {
    refunds.set(refund.refundId, refund);
    refundsByRequest.set(key(refund.clientId, refund.refundRequestId), refund.refundId);
  };
  for (const payment of from?.payments ?? []) addPayment(fromLedgerPayment(payment));
  for (const refund of from?.refunds ?? []) addRefund({ ...refund });

  return {
    // Ids look like the provider's (digits, date first) and never repeat within one sandbox.
    newPaymentId: (now) => `${datePart(now)}11${nextSequence()}`,
    newRefundId: (now) => `${datePart(now)}21${nextSequence()}`,
    addPayment,
    addRefund,
    paymentById: (paymentId) => payments.get(paymentId),
    paymentByRequestId(clientId, paymentRequestId) {
      const id = paymentsByRequest.get(key(clientId, paymentRequestId));
      return id === undefined ? undefined : payments.get(id);
    },
    findPayment(id) {
      const direct = payments.get(id);
      if (direct !== undefined) return direct;
      for (const payment of payments.values()) {
        if (payment.paymentRequestId === id) return payment;
      }
      return undefined;
    },
    refundById: (refundId) => refunds.get(refundId),
    refundByRequestId(clientId, refundRequestId) {
      const id = refundsByRequest.get(key(clientId, refundRequestId));
      return id === undefined ? undefined : refunds.get(id);
    },
    refundsOf: (paymentId) =>
      [...refunds.values()].filter((refund) => refund.paymentId === paymentId),
    payments: () => [...payments.values()],
    snapshot: () => ({
      version: 1,
      sequence,
      payments: [...payments.values()].map(toLedgerPayment),
      refunds: [...refunds.values()],
    }),
  };
}
