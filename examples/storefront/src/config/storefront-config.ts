/** Where the storefront finds the Worker and which store the till charges for. */
export interface StorefrontConfig {
  /** The Worker's origin; `""` when the Worker serves this build (the usual case). */
  workerUrl: string;
  /** The store the till charges for. */
  storeId: string;
}

const env = import.meta.env;

/**
 * The build's configuration, from Vite env variables with the local stack's defaults (the
 * `demo-store` of wrangler.toml). Everything else about a store (name, currency, Entry Code
 * bounds) comes from the Worker's `GET /api/stores/:storeId`, so it is never repeated here.
 */
export const storefrontConfig: StorefrontConfig = {
  workerUrl: (env.VITE_AMS_WORKER_URL ?? "").replace(/\/+$/, ""),
  storeId: env.VITE_AMS_STORE_ID || "demo-store",
};
