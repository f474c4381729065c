import * as v from "valibot";
import { AmountViewSchema } from "./amount-view.ts";
import type { KnownFields } from "./known-fields.ts";
import { REFUND_VIEW_STATUSES } from "./refund-status.ts";

/** A refund as the Worker's API shows it: the answer of `POST /api/payments/:id/refunds`. */
export const RefundViewSchema = v.looseObject({
  /** The refund's id (its idempotency key at the gateway). */
  refundRequestId: v.string(),
  /** Where the refund stands. */
  status: v.picklist(REFUND_VIEW_STATUSES),
  /** The amount refunded (or asked for, while `processing`), in minor units. */
  amount: AmountViewSchema,
});

/** A refund as the Worker's API shows it. */
export type RefundView = KnownFields<v.InferOutput<typeof RefundViewSchema>>;
