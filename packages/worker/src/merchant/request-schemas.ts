import { PaymentViewStatusSchema, REFUND_VIEW_STATUSES } from "@ams-edge/core/api";
import * as v from "valibot";

/** Minor units: digits, no leading zero, at least 1. */
const PositiveMinorUnits = v.pipe(
  v.string(),
  v.regex(
    /^[1-9][0-9]{0,17}$/,
    'expected a positive amount in minor units as a string, e.g. "599"',
  ),
);

/** `{ currency, value }` in minor units. */
export const AmountBodySchema = v.object({
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"')),
  value: PositiveMinorUnits,
});

/** Body of `POST /api/payments`. */
export const CreatePaymentBodySchema = v.object({
  amount: AmountBodySchema,
  description: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(256)),
  storeId: v.string(),
  /** Seconds the code stays payable; the provider allows less than 30 minutes. */
  expiresInSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1799))),
  referenceOrderId: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9_-]{1,64}$/, "expected at most 64 letters, digits, _ or -"),
    ),
  ),
});

/** Body of `POST /api/payments/:id/refunds`. */
export const RefundBodySchema = v.object({
  amount: AmountBodySchema,
  reason: v.optional(v.pipe(v.string(), v.maxLength(256))),
});

/** Body of `POST /api/entry/:storeId/payments`. */
export const EntryPaymentBodySchema = v.object({ amount: AmountBodySchema });

const Timestamp = v.pipe(
  v.string(),
  v.check((text) => !Number.isNaN(Date.parse(text)), "expected an ISO 8601 time"),
  v.transform((text) => new Date(text).toISOString()),
);

const Limit = v.pipe(
  v.string(),
  v.regex(/^[0-9]{1,3}$/, "expected a whole number"),
  v.transform(Number),
  v.minValue(1),
  v.maxValue(200),
);

/** Query of `GET /api/refunds` and its CSV export. */
export const RefundListQuerySchema = v.object({
  storeId: v.optional(v.string()),
  status: v.optional(v.picklist(REFUND_VIEW_STATUSES)),
  paymentRequestId: v.optional(v.string()),
  from: v.optional(Timestamp),
  to: v.optional(Timestamp),
  cursor: v.optional(v.string()),
  limit: v.optional(Limit),
});

/** Query of `GET /api/payments` and its CSV export. */
export const ListQuerySchema = v.object({
  storeId: v.optional(v.string()),
  status: v.optional(PaymentViewStatusSchema),
  from: v.optional(Timestamp),
  to: v.optional(Timestamp),
  /** `true`: only payments flagged for attention; `false`: only the others. */
  attention: v.optional(
    v.pipe(
      v.picklist(["true", "false"], 'expected "true" or "false"'),
      v.transform((text) => text === "true"),
    ),
  ),
  cursor: v.optional(v.string()),
  limit: v.optional(Limit),
});
