import * as v from "valibot";
import { wireString } from "./wire-fields.ts";

/**
 * The shop where the customer pays (`order.merchant.store`). The wire name is `storeMCC`; the
 * provider's own examples spell it `storeMcc`, which the gateway does not read.
 */
export const StoreSchema = v.strictObject({
  /** The merchant's id of the store. */
  referenceStoreId: wireString(),
  /** The store's name as the customer sees it. */
  storeName: wireString(),
  /** The store's MCC (ISO 18245), e.g. `"5812"`; optional, as the provider's examples omit it. */
  storeMCC: v.optional(wireString()),
  /** The store's name shown in the wallet, when it differs from `storeName`. */
  storeDisplayName: v.optional(wireString()),
  /** The id of the terminal (till) that created the payment. */
  storeTerminalId: v.optional(wireString()),
  /** The id of the cashier who created the payment. */
  storeOperatorId: v.optional(wireString()),
  /** The store's phone number. */
  storePhoneNo: v.optional(wireString()),
});

/** Input type of {@link StoreSchema}. */
export type StoreInput = v.InferInput<typeof StoreSchema>;
/** Output type of {@link StoreSchema}. */
export type StoreOutput = v.InferOutput<typeof StoreSchema>;

/** The (sub-)merchant selling the goods (`order.merchant`). Wire name `merchantMCC`. */
export const MerchantSchema = v.strictObject({
  /** The acquirer's or ISV's id of the merchant. */
  referenceMerchantId: wireString(),
  /** The merchant's Merchant Category Code (ISO 18245), e.g. `"5812"`. */
  merchantMCC: wireString(),
  /** The merchant's legal or trading name. */
  merchantName: wireString(),
  /** The merchant's name shown in the wallet, when it differs from `merchantName`. */
  merchantDisplayName: v.optional(wireString()),
  /** The store where the payment happens. */
  store: StoreSchema,
});

/** Input type of {@link MerchantSchema}. */
export type MerchantInput = v.InferInput<typeof MerchantSchema>;
/** Output type of {@link MerchantSchema}. */
export type MerchantOutput = v.InferOutput<typeof MerchantSchema>;
