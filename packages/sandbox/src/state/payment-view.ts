import type { PaymentRecord, SandboxPaymentStatus, WireAmount } from "./payment-record.ts";

/** A payment as the sandbox's inspection API shows it (JSON-safe; times ISO 8601 UTC). */
export interface SandboxPaymentView {
  readonly paymentId: string;
  readonly paymentRequestId: string;
  readonly clientId: string;
  readonly scenario: "OrderCode" | "EntryCode";
  /** What inquiryPayment reports. */
  readonly status: SandboxPaymentStatus;
  /** True when the payment was paid and then cancelled: the money went back. */
  readonly reversed: boolean;
  readonly amount: WireAmount;
  /** Sum of refunds in minor units. */
  readonly refunded: string;
  readonly resultCode: string | null;
  readonly resultMessage: string | null;
  readonly orderDescription: string;
  readonly merchantName: string;
  readonly storeName: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly scannedAt: string | null;
  /** When it reached SUCCESS or FAIL. */
  readonly finishedAt: string | null;
  readonly cancelledAt: string | null;
  readonly walletUrl: string;
  readonly notifyUrl: string;
  readonly redirectUrl: string | null;
  /** The magic amount scripting this payment, if any. */
  readonly magic: { readonly suffix: string; readonly description: string } | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A refund the sandbox made, as inspection shows it. */
export interface SandboxRefundView {
  /** The merchant's id of the refund (its idempotency key). */
  readonly refundRequestId: string;
  /** The sandbox's id of the refund. */
  readonly refundId: string;
  readonly amount: WireAmount;
  readonly reason: string | null;
  readonly createdAt: string;
}

/** The inspection view of a refund. */
export function refundView(refund: {
  refundRequestId: string;
  refundId: string;
  amount: WireAmount;
  reason: string | null;
  createdAt: number;
}): SandboxRefundView {
  return {
    refundRequestId: refund.refundRequestId,
    refundId: refund.refundId,
    amount: { currency: refund.amount.currency, value: refund.amount.value },
    reason: refund.reason,
    createdAt: new Date(refund.createdAt).toISOString(),
  };
}

/** The inspection view of a payment. */
export function paymentView(payment: PaymentRecord): SandboxPaymentView {
  return {
    paymentId: payment.paymentId,
    paymentRequestId: payment.paymentRequestId,
    clientId: payment.clientId,
    scenario: payment.scenario,
    status: payment.status,
    reversed: payment.reversed,
    amount: payment.amount,
    refunded: String(payment.refunded),
    resultCode: payment.resultCode,
    resultMessage: payment.resultMessage,
    orderDescription: payment.orderDescription,
    merchantName: payment.merchantName,
    storeName: payment.storeName,
    createdAt: new Date(payment.createdAt).toISOString(),
    expiresAt: new Date(payment.expiresAt).toISOString(),
    scannedAt: iso(payment.scannedAt),
    finishedAt: iso(payment.finishedAt),
    cancelledAt: iso(payment.cancelledAt),
    walletUrl: payment.walletUrl,
    notifyUrl: payment.notifyUrl,
    redirectUrl: payment.redirectUrl,
    magic:
      payment.magic === null
        ? null
        : { suffix: payment.magic.suffix, description: payment.magic.description },
  };
}
