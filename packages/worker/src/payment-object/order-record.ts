import type { PayRequestInput } from "@ams-edge/core";

/** What a payment object keeps about the order besides the state machine's state. */
export interface OrderRecord {
  /** Digest of the creating request's meaningful fields, to tell a retry from a conflict. */
  fingerprint: string;
  storeId: string;
  description: string;
  referenceOrderId: string | null;
  /** The pay request exactly as first sent; re-sends use it unchanged (same key fields). */
  payRequest: PayRequestInput;
}

/** The command that creates a payment (sent by the Worker to the payment's object). */
export interface CreatePaymentCommand extends OrderRecord {
  /** When the payment was requested, epoch ms. */
  createdAt: number;
  /** When it stops being payable, epoch ms (the request's `paymentExpiryTime`). */
  expiresAt: number;
}
