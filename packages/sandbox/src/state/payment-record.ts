import type { MagicAmount } from "../wallet/magic-amounts.ts";

/** An amount in minor units, as on the wire. */
export interface WireAmount {
  readonly currency: string;
  readonly value: string;
}

/** The payment statuses `inquiryPayment` reports. `PENDING`: not scanned yet; `PROCESSING`: scanned. */
export type SandboxPaymentStatus = "PENDING" | "PROCESSING" | "SUCCESS" | "FAIL" | "CANCELLED";

/** A payment as the sandbox keeps it. Times are epoch milliseconds on the sandbox clock. */
export interface PaymentRecord {
  readonly clientId: string;
  readonly paymentId: string;
  readonly paymentRequestId: string;
  readonly scenario: "OrderCode" | "EntryCode";
  readonly amount: WireAmount;
  /** The key fields of the pay request, serialised, for the idempotency check. */
  readonly fingerprint: string;
  /** The exact S body the first pay call produced; replays answer with it. */
  readonly payResponseBody: string;
  readonly createdAt: number;
  expiresAt: number;
  readonly notifyUrl: string;
  readonly redirectUrl: string | null;
  readonly walletUrl: string;
  readonly orderDescription: string;
  readonly merchantName: string;
  readonly storeName: string;
  readonly magic: MagicAmount | null;
  status: SandboxPaymentStatus;
  resultCode: string | null;
  resultMessage: string | null;
  scannedAt: number | null;
  /** When the payment reached SUCCESS or FAIL (`paymentTime`). */
  finishedAt: number | null;
  cancelledAt: number | null;
  /** True when a paid payment was cancelled: the money went back. */
  reversed: boolean;
  /** Sum of successful refunds, in minor units. */
  refunded: bigint;
}

/** A refund as the sandbox keeps it. */
export interface RefundRecord {
  readonly clientId: string;
  readonly refundId: string;
  readonly refundRequestId: string;
  readonly paymentId: string;
  readonly amount: WireAmount;
  readonly reason: string | null;
  readonly createdAt: number;
  readonly fingerprint: string;
  readonly responseBody: string;
}
