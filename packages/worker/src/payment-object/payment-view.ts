import type { PaymentStatus } from "@ams-edge/core";

/** An amount in minor units, as everywhere in the Worker's API: `{ currency: "USD", value: "599" }`. */
export interface AmountView {
  currency: string;
  value: string;
}

/** The code an Order Code payment shows to the customer. */
export interface OrderCodeView {
  value: string;
  type: "QRCODE" | "BARCODE";
  expiresAt: string;
}

/** A payment as the Worker's API shows it (GET, lists, live updates). */
export interface PaymentView {
  paymentRequestId: string;
  /** The provider's id, once the gateway has answered. */
  paymentId: string | null;
  scenario: "OrderCode" | "EntryCode";
  status: PaymentStatus;
  amount: AmountView;
  description: string;
  storeId: string;
  /** Order Code only. */
  code: OrderCodeView | null;
  /** Entry Code only: where the page sends the wallet. */
  redirectUrl: string | null;
  /** The last result code from the provider (`SUCCESS`, `USER_BALANCE_NOT_ENOUGH`, ...). */
  resultCode: string | null;
  /** Sum of the refunds the provider confirmed, in the payment's currency (`"0"` when none). */
  refunded: AmountView;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Grows by one with every change; a client keeps the view with the highest version. */
  version: number;
}

/** A refund as the Worker's API shows it. */
export interface RefundView {
  refundRequestId: string;
  status: "processing" | "succeeded" | "failed";
  amount: AmountView;
}

/** The answer of a payment object's method: a value, or an error the Worker answers with. */
export type ObjectResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: ObjectErrorCode; message: string };

/** Errors a payment object reports to the Worker. */
export type ObjectErrorCode =
  | "PAYMENT_NOT_FOUND"
  | "IDEMPOTENCY_KEY_REUSED"
  | "PAYMENT_NOT_CANCELLABLE"
  | "PAYMENT_NOT_REFUNDABLE"
  | "REFUND_AMOUNT_EXCEEDED"
  | "GATEWAY_UNAVAILABLE";
