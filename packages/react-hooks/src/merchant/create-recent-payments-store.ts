import type { AmsEdgeError } from "@ams-edge/core";
import type { AmountView, PaymentView, RefundView } from "@ams-edge/core/api";
import type { WorkerClient } from "../client/create-worker-client.ts";
import { toAmsEdgeError } from "../client/worker-api-error.ts";
import { newIdempotencyKey } from "../stores/payment-params.ts";
import { type ExternalStore, snapshotCell } from "../stores/snapshot-store.ts";
import { type ListPaymentsQuery, listPayments, refundPayment } from "./merchant-calls.ts";

/** The merchant's recent payments: `loading` keeps the rows already shown. */
export interface RecentPaymentsState {
  status: "loading" | "ready" | "error";
  /** Newest first; the pages loaded so far. */
  payments: readonly PaymentView[];
  /** True when `loadMore()` has more to fetch. */
  hasMore: boolean;
  /** Why the last load failed (status `error`). */
  error: AmsEdgeError | null;
}

/** Options of {@link createRecentPaymentsStore}: the listing filters (without `cursor`). */
export interface RecentPaymentsStoreOptions {
  client: WorkerClient;
  query?: Omit<ListPaymentsQuery, "cursor">;
}

/** A merchant's list of payments with refund and cancel, without React. */
export interface RecentPaymentsStore extends ExternalStore<RecentPaymentsState> {
  /** Loads the first page again (the first subscriber does this too). */
  refresh(): Promise<void>;
  /** Appends the next page. */
  loadMore(): Promise<void>;
  /**
   * Refunds a payment, then refreshes the list; a second call for the same payment while the
   * first is on its way returns the same promise. Rejects with the Worker's error.
   */
  refund(paymentRequestId: string, amount: AmountView, reason?: string): Promise<RefundView>;
  /** Cancels (or reverses) a payment and updates its row. Rejects with the Worker's error. */
  cancel(paymentRequestId: string): Promise<PaymentView>;
}

/**
 * The behaviour behind `useRecentPayments`, without React.
 * @example
 * const store = createRecentPaymentsStore({ client, query: { storeId: "s1", limit: 20 } });
 * store.subscribe(() => draw(store.getSnapshot().payments));
 */
export function createRecentPaymentsStore(
  options: RecentPaymentsStoreOptions,
): RecentPaymentsStore {
  const { client, query = {} } = options;
  const initial: RecentPaymentsState = {
    status: "loading",
    payments: [],
    hasMore: false,
    error: null,
  };
  let cursor: string | null = null;
  let generation = 0;
  const refunds = new Map<string, Promise<RefundView>>();
  const cell = snapshotCell(initial, initial, () => void load(false));

  async function load(more: boolean) {
    const gen = more ? generation : ++generation;
    const before = cell.get();
    cell.set({ ...before, status: "loading", error: null });
    try {
      const page = await listPayments(client, { ...query, ...(more && cursor ? { cursor } : {}) });
      if (gen !== generation) return;
      cursor = page.nextCursor;
      const payments = more ? [...before.payments, ...page.payments] : page.payments;
      cell.set({ status: "ready", payments, hasMore: cursor !== null, error: null });
    } catch (error) {
      if (gen !== generation) return;
      cell.set({ ...cell.get(), status: "error", error: toAmsEdgeError(error) });
    }
  }

  return {
    ...cell.store,
    refresh: () => load(false),
    loadMore: () => (cursor === null ? Promise.resolve() : load(true)),
    refund(paymentRequestId, amount, reason) {
      // A second tap on "Refund" while the first is on its way gets the same refund.
      const pending = refunds.get(paymentRequestId);
      if (pending) return pending;
      const refund = (async () => {
        try {
          const body = { amount, ...(reason === undefined ? {} : { reason }) };
          const result = await refundPayment(client, paymentRequestId, body, newIdempotencyKey());
          await load(false);
          return result;
        } finally {
          refunds.delete(paymentRequestId);
        }
      })();
      refunds.set(paymentRequestId, refund);
      return refund;
    },
    async cancel(paymentRequestId) {
      const payment = await client.cancelPayment(paymentRequestId);
      const state = cell.get();
      const payments = state.payments.map((p) =>
        p.paymentRequestId === paymentRequestId ? payment : p,
      );
      cell.set({ ...state, payments });
      return payment;
    },
  };
}
