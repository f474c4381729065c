import * as v from "valibot";
import { AmountSchema } from "./amount-schema.ts";
import { MerchantSchema } from "./merchant-schema.ts";
import {
  OffsetDateTimeSchema,
  PaymentRequestIdSchema,
  WireUrlSchema,
  wireString,
} from "./wire-fields.ts";

/** The entries every in-store pay request shares, whatever the scenario. */
const commonEntries = {
  /** Always `IN_STORE_PAYMENT` for Order Code and Entry Code. */
  productCode: v.literal("IN_STORE_PAYMENT"),
  /** The merchant's idempotency key: ≤ 64 letters, digits, `_` or `-`. */
  paymentRequestId: PaymentRequestIdSchema,
  /** What the customer pays, in minor units. */
  paymentAmount: AmountSchema,
  /** Always `{ paymentMethodType: "CONNECT_WALLET" }` for in-store payments. */
  paymentMethod: v.strictObject({
    /** Always `CONNECT_WALLET`: the wallet is chosen by the customer's scan. */
    paymentMethodType: v.literal("CONNECT_WALLET"),
  }),
  /** Where the provider POSTs the payment result notification (≤ 2048 characters). */
  paymentNotifyUrl: WireUrlSchema,
  /** When the provider closes the unpaid payment: ISO 8601 with offset, < 30 minutes ahead. */
  paymentExpiryTime: v.optional(OffsetDateTimeSchema),
};

/** The order entries both scenarios share. */
const orderEntries = {
  /** The merchant's order id (≤ 64 characters). */
  referenceOrderId: v.optional(wireString(64)),
  /** What is being bought, shown to the customer (≤ 256 characters). */
  orderDescription: wireString(256),
  /** The order's total, in minor units; usually equal to `paymentAmount`. */
  orderAmount: AmountSchema,
  /** The merchant and store selling the goods. */
  merchant: MerchantSchema,
};

/** The wallet's in-app browser that opened the merchant page (`order.env`). */
export const EnvSchema = v.strictObject({
  /** The `User-Agent` of the wallet's in-app browser (required for Entry Code). */
  userAgent: v.optional(wireString()),
});

/** Order Code: the shop shows a QR code, the customer scans it with a wallet. Strict. */
export const OrderCodePayRequestSchema = v.strictObject({
  ...commonEntries,
  /** Selects the Order Code scenario. */
  paymentFactor: v.strictObject({
    /** Exactly `OrderCode` (case matters). */
    inStorePaymentScenario: v.literal("OrderCode"),
  }),
  /** The order being paid. */
  order: v.strictObject({
    ...orderEntries,
    /** The customer's environment; optional for Order Code. */
    env: v.optional(EnvSchema),
  }),
});

/** Input type of {@link OrderCodePayRequestSchema}. */
export type OrderCodePayRequestInput = v.InferInput<typeof OrderCodePayRequestSchema>;
/** Output type of {@link OrderCodePayRequestSchema}. */
export type OrderCodePayRequestOutput = v.InferOutput<typeof OrderCodePayRequestSchema>;

/**
 * Entry Code: the customer scans the shop's static code, types the amount on the merchant page,
 * and the wallet pays. Requires `order.env.userAgent`. Strict.
 */
export const EntryCodePayRequestSchema = v.strictObject({
  ...commonEntries,
  /** Where the wallet returns after paying (≤ 2048 characters). */
  paymentRedirectUrl: v.optional(WireUrlSchema),
  /** Selects the Entry Code scenario. */
  paymentFactor: v.strictObject({
    /** Exactly `EntryCode` (case matters). */
    inStorePaymentScenario: v.literal("EntryCode"),
  }),
  /** The order being paid. */
  order: v.strictObject({
    ...orderEntries,
    /** The wallet's in-app browser that opened the merchant page. */
    env: v.strictObject({
      /** The `User-Agent` of the wallet's in-app browser that opened the merchant page. */
      userAgent: wireString(),
    }),
  }),
});

/** Input type of {@link EntryCodePayRequestSchema}. */
export type EntryCodePayRequestInput = v.InferInput<typeof EntryCodePayRequestSchema>;
/** Output type of {@link EntryCodePayRequestSchema}. */
export type EntryCodePayRequestOutput = v.InferOutput<typeof EntryCodePayRequestSchema>;

/**
 * A pay request (`/ams/api/v1/payments/pay`) of either scenario, told apart by
 * `paymentFactor.inStorePaymentScenario`. Strict: an unknown key is an issue naming it.
 */
export const PayRequestSchema = v.variant(
  "paymentFactor",
  [OrderCodePayRequestSchema, EntryCodePayRequestSchema],
  'Expected paymentFactor to be exactly { "inStorePaymentScenario": "OrderCode" } or { "inStorePaymentScenario": "EntryCode" }',
);

/** Input type of {@link PayRequestSchema}. */
export type PayRequestInput = v.InferInput<typeof PayRequestSchema>;
/** Output type of {@link PayRequestSchema}. */
export type PayRequestOutput = v.InferOutput<typeof PayRequestSchema>;
