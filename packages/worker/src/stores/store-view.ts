import type { StoreConfig } from "../config/store-config.ts";

/**
 * What anyone may know about a store (`GET /api/stores/:storeId`): what a till or a customer
 * page shows and checks before it talks to the payments API. Amounts are minor units.
 */
export interface StoreView {
  storeId: string;
  name: string;
  /** ISO 4217 currency of every payment in the store. */
  currency: string;
  /** The bounds of an Entry Code amount, or null when the store takes no Entry Code payments. */
  entryCode: { minValue: string; maxValue: string } | null;
}

/** The public view of a configured store: its MCC, order cap and return path stay private. */
export function toStoreView(store: StoreConfig): StoreView {
  return {
    storeId: store.id,
    name: store.name,
    currency: store.currency,
    entryCode:
      store.entryCode === undefined
        ? null
        : { minValue: store.entryCode.minValue, maxValue: store.entryCode.maxValue },
  };
}
