import { useMemo } from "react";
import type { WorkerClient } from "../client/create-worker-client.ts";
import { useAmsContext } from "../react/ams-context.ts";
import { useStore } from "../react/use-store.ts";
import {
  createRecentPaymentsStore,
  type RecentPaymentsState,
  type RecentPaymentsStore,
  type RecentPaymentsStoreOptions,
} from "./create-recent-payments-store.ts";
import type { ListPaymentsQuery } from "./merchant-calls.ts";

/** The merchant's recent payments and what can be done with them. */
export interface RecentPayments
  extends Pick<RecentPaymentsStore, "refresh" | "loadMore" | "refund" | "cancel" | "inquire"> {
  state: RecentPaymentsState;
}

/** Options of {@link useRecentPayments}: another client, and where open refunds are kept. */
export interface RecentPaymentsOptions
  extends Pick<RecentPaymentsStoreOptions, "storage" | "storageKey"> {
  client?: WorkerClient;
}

/**
 * Lists the merchant's payments (newest first) with refund, cancel and inquire (for a payment
 * flagged `attention`), for a POS history. `state.refunds` are the refunds still without a final
 * answer: `refund` them again (same amount and reason) to ask about them with the same key.
 * Needs the merchant API key on the provider.
 * @example
 * const { state, refund } = useRecentPayments({ storeId: "s1", limit: 20 });
 */
export function useRecentPayments(
  query: Omit<ListPaymentsQuery, "cursor"> = {},
  options: RecentPaymentsOptions = {},
): RecentPayments {
  const { client } = useAmsContext(options.client, "useRecentPayments");
  const { storeId, status, from, to, limit } = query;
  const { storage, storageKey } = options;
  const store = useMemo(
    () =>
      createRecentPaymentsStore({
        client,
        query: Object.fromEntries(
          Object.entries({ storeId, status, from, to, limit }).filter(([, v]) => v !== undefined),
        ),
        ...(storage === undefined ? {} : { storage }),
        ...(storageKey === undefined ? {} : { storageKey }),
      }),
    [client, storeId, status, from, to, limit, storage, storageKey],
  );
  const state = useStore(store);
  return useMemo(
    () => ({
      state,
      refresh: store.refresh,
      loadMore: store.loadMore,
      refund: store.refund,
      cancel: store.cancel,
      inquire: store.inquire,
    }),
    [state, store],
  );
}
