import * as v from "valibot";
import { AmountViewSchema } from "./amount-view.ts";
import type { KnownFields } from "./known-fields.ts";
import { REFUND_VIEW_STATUSES } from "./refund-status.ts";
import { TIME_PATTERN } from "./wire-patterns.ts";

const TimeSchema = v.pipe(
  v.string(),
  v.regex(TIME_PATTERN, "expected a UTC time such as 2026-12-05T20:09:11.000Z"),
);

/**
 * A refund as the Worker's API shows it: the answer of `POST /api/payments/:id/refunds`, and
 * each entry of a payment view's `refunds`.
 */
export const RefundViewSchema = v.looseObject({
  /** The refund's id (its idempotency key at the gateway). */
  refundRequestId: v.string(),
  /** Where the refund stands. */
  status: v.picklist(REFUND_VIEW_STATUSES),
  /** The amount refunded (or asked for, while `processing`), in minor units. */
  amount: AmountViewSchema,
  /** The reason given with it; older Workers leave it out. */
  reason: v.optional(v.nullable(v.string())),
  /** The gateway's last result code for it (`SUCCESS`, `PAYMENT_IN_PROCESS`, ...), or null. */
  resultCode: v.optional(v.nullable(v.string())),
  /** When it was asked for; older Workers leave it out. */
  createdAt: v.optional(TimeSchema),
  /** When it last changed; older Workers leave it out. */
  updatedAt: v.optional(TimeSchema),
});

/** A refund as the Worker's API shows it. */
export type RefundView = KnownFields<v.InferOutput<typeof RefundViewSchema>>;

/** One refund of `GET /api/refunds`: the refund with its payment and store. */
export const RefundListItemSchema = v.looseObject({
  ...RefundViewSchema.entries,
  /** The payment it gives money back from. */
  paymentRequestId: v.string(),
  /** The store of that payment. */
  storeId: v.string(),
  /** When it was asked for. */
  createdAt: TimeSchema,
  /** When it last changed. */
  updatedAt: TimeSchema,
  /** Grows by one on every change of the refund. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One refund of `GET /api/refunds`. */
export type RefundListItem = KnownFields<v.InferOutput<typeof RefundListItemSchema>>;

/** One page of `GET /api/refunds`, newest first. */
export const RefundPageSchema = v.looseObject({
  refunds: v.array(RefundListItemSchema),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: v.nullable(v.string()),
});

/** One page of `GET /api/refunds`. */
export type RefundPage = KnownFields<v.InferOutput<typeof RefundPageSchema>>;
