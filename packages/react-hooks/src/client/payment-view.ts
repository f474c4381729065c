/** An amount on the wire: ISO 4217 currency and a string of minor units (USD 5.99 is `"599"`). */
export interface Amount {
  /** ISO 4217 code, e.g. `"USD"`. */
  currency: string;
  /** Minor units as a string of digits, e.g. `"599"`. */
  value: string;
}

/** The Worker's payment statuses, as sent in JSON (the core state machine's names). */
export type PaymentViewStatus =
  | "creating"
  | "awaiting_payment"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "expired"
  | "reversed"
  | "mismatch";

/** The code an Order Code payment shows to the customer. */
export interface PaymentCode {
  /** What to encode, e.g. `https://gqr.alipay.com/...`. */
  value: string;
  /** How to render it: as a QR code or as a barcode. */
  type: "QRCODE" | "BARCODE";
  /** ISO 8601 time after which the wallet refuses the code. */
  expiresAt: string;
}

/** One payment as the Worker reports it (`GET /api/payments/:id`, the live socket, listings). */
export interface PaymentView {
  /** Our id of the payment (the gateway's idempotency key). */
  paymentRequestId: string;
  /** The gateway's id, once it has answered. */
  paymentId: string | null;
  /** Order Code (the shop shows a code) or Entry Code (the customer types the amount). */
  scenario: "OrderCode" | "EntryCode";
  /** Where the payment stands. */
  status: PaymentViewStatus;
  /** What the order asks for, in minor units. */
  amount: Amount;
  /** The order description. */
  description: string;
  /** The store the payment belongs to. */
  storeId: string;
  /** The Order Code to show, or null (Entry Code, or not issued yet). */
  code: PaymentCode | null;
  /** The wallet URL of an Entry Code payment, or null. */
  redirectUrl: string | null;
  /** The gateway's result code of a final payment, e.g. `"USER_BALANCE_NOT_ENOUGH"`. */
  resultCode: string | null;
  /** ISO 8601 creation time. */
  createdAt: string;
  /** ISO 8601 time of the last change. */
  updatedAt: string;
  /** ISO 8601 time at which the payment closes unpaid. */
  expiresAt: string;
  /** Grows by one on every change: a lower version is older news. */
  version: number;
}

/** The answer to `POST /api/payments`: the payment and the token that reads its status. */
export type CreatedPayment = PaymentView & { statusToken: string };

/** The answer to `POST /api/entry/:storeId/payments`: also the wallet URL to send the customer to. */
export type EntryPayment = PaymentView & { statusToken: string; redirectUrl: string };

const statuses = [
  "creating",
  "awaiting_payment",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
  "reversed",
  "mismatch",
];

/**
 * True when `value` looks like a {@link PaymentView}: an id, a known status, an amount in minor
 * units and a version. Only what the hooks rely on is checked, so a newer Worker may add fields.
 */
export function isPaymentView(value: unknown): value is PaymentView {
  const v = value as Partial<PaymentView> | null;
  return (
    typeof v?.paymentRequestId === "string" &&
    statuses.includes(v.status as string) &&
    typeof v.amount?.value === "string" &&
    /^\d+$/.test(v.amount.value) &&
    typeof v.version === "number"
  );
}
