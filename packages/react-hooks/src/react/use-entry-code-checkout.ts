import { useMemo } from "react";
import type { WorkerClient } from "../client/create-worker-client.ts";
import {
  createEntryCheckoutStore,
  type EntryCheckoutState,
  type EntryCheckoutStore,
  type EntryCheckoutStoreOptions,
} from "../stores/create-entry-checkout-store.ts";
import { useAmsContext } from "./ams-context.ts";
import { useStore } from "./use-store.ts";

/** Options of {@link useEntryCodeCheckout}: the store's currency, bounds and redirect. */
export type UseEntryCodeCheckoutOptions = Omit<EntryCheckoutStoreOptions, "client" | "storeId"> & {
  /** A client to use instead of the provider's. */
  client?: WorkerClient;
};

/** The Entry Code page's state and actions. */
export interface EntryCodeCheckout
  extends Pick<EntryCheckoutStore, "setInput" | "press" | "submit" | "reset"> {
  state: EntryCheckoutState;
}

/**
 * Drives the Entry Code page: the customer types an amount (checked in the currency's minor
 * units), submits, and is sent to the wallet; then the payment is followed live.
 * @example
 * const { state, setInput, submit } = useEntryCodeCheckout("store-1", { currency: "USD" });
 */
export function useEntryCodeCheckout(
  storeId: string,
  options: UseEntryCodeCheckoutOptions,
): EntryCodeCheckout {
  const { client } = useAmsContext(options.client, "useEntryCodeCheckout");
  // biome-ignore lint/correctness/useExhaustiveDependencies: other options are read when the store is made
  const store = useMemo(
    () => createEntryCheckoutStore({ ...options, client, storeId }),
    [client, storeId, options.currency],
  );
  const state = useStore(store);
  return useMemo(() => ({ ...store, state }), [state, store]);
}
