import { TEST_BINDINGS } from "../fixtures/test-config.ts";

interface StoreSettings {
  currency: string;
  maxOrderValue?: string;
  entryCode?: { minValue: string; maxValue: string };
}

const stores = JSON.parse(TEST_BINDINGS.STORES) as Record<string, StoreSettings>;

/** Every store id the tests' STORES variable configures. */
export const KNOWN_STORE_IDS: readonly string[] = Object.keys(stores);

function settingsOf(id: string): StoreSettings {
  const store = stores[id];
  if (store === undefined) throw new TypeError(`no store "${id}" in the tests' STORES`);
  return store;
}

/** The store every fuzzed Order Code and Entry Code request aims at, as configured. */
export const FUZZ_STORE = (() => {
  const id = "test-store";
  const store = settingsOf(id);
  if (store.maxOrderValue === undefined || store.entryCode === undefined) {
    throw new TypeError(`the sweep expects "${id}" to cap orders and take Entry Code payments`);
  }
  return {
    id,
    currency: store.currency,
    maxOrderValue: BigInt(store.maxOrderValue),
    entryMin: BigInt(store.entryCode.minValue),
    entryMax: BigInt(store.entryCode.maxValue),
  };
})();

/** A configured store that takes no Entry Code payments. */
export const NO_ENTRY_STORE_ID: string = (() => {
  const id = KNOWN_STORE_IDS.find((s) => settingsOf(s).entryCode === undefined);
  if (id === undefined) throw new TypeError("the sweep expects a store without Entry Code");
  return id;
})();

/** The Entry Code rate limit of the tests: `burst` at once, one more every `refillSeconds`. */
export const ENTRY_LIMIT = (() => {
  const [burst, refillSeconds] = TEST_BINDINGS.ENTRY_RATE_LIMIT.split("/").map(Number);
  return { burst: burst ?? 0, refillSeconds: refillSeconds ?? 0 };
})();
