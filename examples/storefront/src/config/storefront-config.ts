/** Where the storefront finds the Worker and what the store sells in. */
export interface StorefrontConfig {
  /** The Worker's origin; `""` when the Worker serves this build (the usual case). */
  workerUrl: string;
  /** The store the till charges for. */
  storeId: string;
  /** The store's name, as shown to the cashier and the customer. */
  storeName: string;
  /** ISO 4217 currency of every amount the store takes. */
  currency: string;
  /** Bounds of an Entry Code amount in minor units (the Worker enforces its own as well). */
  entryLimits: { min: string; max: string };
}

const env = import.meta.env;

/**
 * The build's configuration, from Vite env variables with the local stack's defaults (the
 * `demo-store` of wrangler.toml). The Worker has no public store endpoint, so the store's name,
 * currency and Entry Code bounds are fixed at build time; keep them in step with `STORES`.
 */
export const storefrontConfig: StorefrontConfig = {
  workerUrl: (env.VITE_AMS_WORKER_URL ?? "").replace(/\/+$/, ""),
  storeId: env.VITE_AMS_STORE_ID || "demo-store",
  storeName: env.VITE_AMS_STORE_NAME || "Demo Cafe",
  currency: env.VITE_AMS_CURRENCY || "USD",
  entryLimits: { min: env.VITE_AMS_ENTRY_MIN || "100", max: env.VITE_AMS_ENTRY_MAX || "50000" },
};

/** The name to show for `storeId`: the configured one for the configured store, else the id. */
export function storeNameOf(storeId: string): string {
  return storeId === storefrontConfig.storeId ? storefrontConfig.storeName : storeId;
}
