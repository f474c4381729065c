import * as v from "valibot";
import { AmountViewSchema } from "./amount-view.ts";
import type { KnownFields } from "./known-fields.ts";
import { PAYMENT_SCENARIOS, PAYMENT_STATUSES } from "./payment-status.ts";
import { RefundViewSchema } from "./refund-view.ts";
import { TIME_PATTERN } from "./wire-patterns.ts";

/**
 * A payment status, one of {@link PAYMENT_STATUSES}. Named apart from `PaymentStatusSchema` of
 * `@ams-edge/core`, which is the gateway's `paymentStatus` (`SUCCESS`, `FAIL`, ...).
 */
export const PaymentViewStatusSchema = v.picklist(PAYMENT_STATUSES);

const TimeSchema = v.pipe(
  v.string(),
  v.regex(TIME_PATTERN, "expected a UTC time such as 2026-12-05T20:09:11.000Z"),
);

/** The code an Order Code payment shows to the customer. */
export const OrderCodeViewSchema = v.looseObject({
  /** What to encode, e.g. `https://qr.alipay.com/...`. */
  value: v.string(),
  /** How to render it: as a QR code or as a barcode. */
  type: v.picklist(["QRCODE", "BARCODE"]),
  /** When the wallet stops accepting the code (ISO 8601, UTC). */
  expiresAt: TimeSchema,
});

/** The code an Order Code payment shows to the customer. */
export type OrderCodeView = KnownFields<v.InferOutput<typeof OrderCodeViewSchema>>;

/**
 * One payment as the Worker's API shows it: `GET /api/payments/:id`, the list, the live socket,
 * and (with a `statusToken`) the answers that create a payment. Times are ISO 8601, UTC.
 */
export const PaymentViewSchema = v.looseObject({
  /** The merchant's id of the payment (the gateway's idempotency key). */
  paymentRequestId: v.string(),
  /** The provider's id, once the gateway has answered. */
  paymentId: v.nullable(v.string()),
  /** Order Code or Entry Code. */
  scenario: v.picklist(PAYMENT_SCENARIOS),
  /** Where the payment stands. */
  status: PaymentViewStatusSchema,
  /** What the order asks for, in minor units. */
  amount: AmountViewSchema,
  /** The order description. */
  description: v.string(),
  /** The store the payment belongs to. */
  storeId: v.string(),
  /** The Order Code to show; null for Entry Code, or before the gateway issued it. */
  code: v.nullable(OrderCodeViewSchema),
  /** Entry Code only: where the page sends the wallet; null otherwise. */
  redirectUrl: v.nullable(v.string()),
  /** The provider's last result code that explains the status (`USER_BALANCE_NOT_ENOUGH`, ...). */
  resultCode: v.nullable(v.string()),
  /** Sum of the refunds the provider confirmed, in the payment's currency (`"0"` when none). */
  refunded: AmountViewSchema,
  /**
   * Every refund of the payment as last reported, oldest first. Views built from the payment
   * itself (reads, live messages, cancels) carry it; views kept in the payment list before it
   * existed, and older Workers, leave it out.
   */
  refunds: v.optional(v.array(RefundViewSchema)),
  /** When the payment was created. */
  createdAt: TimeSchema,
  /** When the payment last changed. */
  updatedAt: TimeSchema,
  /** When the payment closes unpaid. */
  expiresAt: TimeSchema,
  /** Grows by one on every change: a client keeps the view with the highest version. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One payment as the Worker's API shows it. */
export type PaymentView = KnownFields<v.InferOutput<typeof PaymentViewSchema>>;

/**
 * The answer of `POST /api/payments` and `POST /api/entry/:storeId/payments`: the payment and
 * the token that reads its status and opens its live socket.
 */
export const CreatedPaymentSchema = v.looseObject({
  ...PaymentViewSchema.entries,
  /** A short-lived token for `GET /api/payments/:id` and `/live` of this payment only. */
  statusToken: v.string(),
});

/** A created payment with its status token. */
export type CreatedPayment = KnownFields<v.InferOutput<typeof CreatedPaymentSchema>>;
