import type { WorkerConfig } from "../config/load-config.ts";
import type { StoreConfig } from "../config/store-config.ts";
import { WorkerError } from "../http/worker-error.ts";

/**
 * The configured store `storeId`, or UNKNOWN_STORE. The message lists the known stores only for
 * `audience: "merchant"` (an API-key caller configuring a till); public routes, which anyone can
 * call, do not reveal what other stores exist.
 */
export function storeFor(
  config: WorkerConfig,
  storeId: string,
  audience: "merchant" | "public",
): StoreConfig {
  const store = config.stores.get(storeId);
  if (store === undefined) {
    const known = [...config.stores.keys()].join(", ") || "none";
    throw new WorkerError(
      "UNKNOWN_STORE",
      audience === "merchant"
        ? `no store "${storeId}" in STORES; known stores: ${known}`
        : `no store "${storeId}"; check the store ID in the URL or the printed code`,
    );
  }
  return store;
}
