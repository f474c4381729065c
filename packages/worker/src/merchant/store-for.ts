import type { WorkerConfig } from "../config/load-config.ts";
import type { StoreConfig } from "../config/store-config.ts";
import { WorkerError } from "../http/worker-error.ts";

/** The configured store `storeId`, or UNKNOWN_STORE listing the known ones. */
export function storeFor(config: WorkerConfig, storeId: string): StoreConfig {
  const store = config.stores.get(storeId);
  if (store === undefined) {
    const known = [...config.stores.keys()].join(", ") || "none";
    throw new WorkerError(
      "UNKNOWN_STORE",
      `no store "${storeId}" in STORES; known stores: ${known}`,
    );
  }
  return store;
}
