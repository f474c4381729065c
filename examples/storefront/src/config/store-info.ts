import type { WorkerClient } from "@ams-edge/react-hooks";

/** A store as the Worker describes it (`GET /api/stores/:storeId`); amounts in minor units. */
export interface StoreInfo {
  storeId: string;
  /** Shown to the cashier and the customer. */
  name: string;
  /** ISO 4217 currency of every payment in the store. */
  currency: string;
  /** Bounds of an Entry Code amount, or null when the store takes no Entry Code payments. */
  entryCode: { minValue: string; maxValue: string } | null;
}

const minor = (value: unknown) => typeof value === "string" && /^\d+$/.test(value);

/** True when `value` has the shape of the Worker's store answer. */
export function isStoreInfo(value: unknown): value is StoreInfo {
  const v = value as Partial<StoreInfo> | null;
  return (
    typeof v?.storeId === "string" &&
    typeof v.name === "string" &&
    typeof v.currency === "string" &&
    /^[A-Z]{3}$/.test(v.currency) &&
    (v.entryCode === null ||
      (typeof v.entryCode === "object" &&
        minor(v.entryCode?.minValue) &&
        minor(v.entryCode?.maxValue)))
  );
}

const loaded = new WeakMap<WorkerClient, Map<string, Promise<StoreInfo>>>();

/**
 * The store's name, currency and Entry Code bounds from the Worker, asked once per client and
 * store (a failed answer is asked again next time). Public: no API key is sent.
 * @example
 * const store = await loadStoreInfo(client, "demo-store"); // { name: "Demo Cafe", currency: "USD", ... }
 */
export function loadStoreInfo(client: WorkerClient, storeId: string): Promise<StoreInfo> {
  let stores = loaded.get(client);
  if (stores === undefined) {
    stores = new Map();
    loaded.set(client, stores);
  }
  const known = stores.get(storeId);
  if (known !== undefined) return known;
  const request = client.request<StoreInfo>("GET", `/api/stores/${encodeURIComponent(storeId)}`, {
    auth: "public",
    valid: isStoreInfo,
  });
  stores.set(storeId, request);
  request.catch(() => stores.delete(storeId));
  return request;
}
