import type { AmsEdgeError } from "@ams-edge/core";
import type { AmountView, PaymentView, RefundView } from "@ams-edge/core/api";
import type { WorkerClient } from "../client/create-worker-client.ts";
import { toAmsEdgeError } from "../client/worker-api-error.ts";
import { newIdempotencyKey } from "../stores/payment-params.ts";
import type { PaymentStorage } from "../stores/payment-storage.ts";
import { type ExternalStore, snapshotCell } from "../stores/snapshot-store.ts";
import {
  inquirePayment,
  type ListPaymentsQuery,
  listPayments,
  refundPayment,
} from "./merchant-calls.ts";
import { RefundInProgressError } from "./refund-in-progress-error.ts";
import {
  defaultRefundStorage,
  isRefundRefusal,
  type RefundIntent,
  readRefundIntents,
  sameRefund,
  writeRefundIntents,
} from "./refund-intents.ts";

/** The merchant's recent payments: `loading` keeps the rows already shown. */
export interface RecentPaymentsState {
  status: "loading" | "ready" | "error";
  /** Newest first; the pages loaded so far. */
  payments: readonly PaymentView[];
  /** True when `loadMore()` has more to fetch. */
  hasMore: boolean;
  /** Why the last load failed (status `error`). */
  error: AmsEdgeError | null;
  /**
   * Refunds asked for on this device that have no final answer yet, oldest first, of any
   * payment (not only those listed). Empty on the server and until the first subscriber.
   */
  refunds: readonly RefundIntent[];
}

/** Options of {@link createRecentPaymentsStore}: the listing filters (without `cursor`). */
export interface RecentPaymentsStoreOptions {
  client: WorkerClient;
  query?: Omit<ListPaymentsQuery, "cursor">;
  /**
   * Where refunds without a final answer are kept (default `localStorage`, so they outlive a
   * reload and the tab); `null` keeps them in memory only.
   */
  storage?: PaymentStorage | null;
  /** The storage entry (default `"ams-edge:refunds"`). */
  storageKey?: string;
  /** Makes the key of each new refund (default: 128 random bits, hex). */
  createIdempotencyKey?: () => string;
}

/** Options of one refund. */
export interface RefundOptions {
  /**
   * Starts this refund even though another refund of the payment has no final answer yet
   * (otherwise the call rejects with a `RefundInProgressError`).
   */
  alongside?: boolean;
}

/** A merchant's list of payments with refund and cancel, without React. */
export interface RecentPaymentsStore extends ExternalStore<RecentPaymentsState> {
  /** Loads the first page again (the first subscriber does this too). */
  refresh(): Promise<void>;
  /** Appends the next page. */
  loadMore(): Promise<void>;
  /**
   * Refunds a payment, then refreshes the list. One refund (the payment, amount and reason) keeps
   * one `Idempotency-Key`, stored before it is first sent, until it has a final answer
   * (`succeeded`, `failed`, or a refusal: see `isRefundRefusal`): calling again after a timeout,
   * a network error, a 5xx, a `processing` answer or a reload asks about the same refund instead
   * of making another; a call while it is on its way returns the same promise. Rejects with the
   * Worker's error, or with a `RefundInProgressError` (nothing sent) for another amount or reason
   * while a refund of the payment is open, unless `alongside` is set.
   */
  refund(
    paymentRequestId: string,
    amount: AmountView,
    reason?: string,
    options?: RefundOptions,
  ): Promise<RefundView>;
  /** Cancels (or reverses) a payment and updates its row. Rejects with the Worker's error. */
  cancel(paymentRequestId: string): Promise<PaymentView>;
  /**
   * Asks the gateway about a payment once more (for one flagged `attention`) and updates its row.
   * Rejects with the Worker's error.
   */
  inquire(paymentRequestId: string): Promise<PaymentView>;
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
  const { client, query = {}, storageKey = "ams-edge:refunds" } = options;
  const createKey = options.createIdempotencyKey ?? newIdempotencyKey;
  let storage = options.storage === undefined ? defaultRefundStorage() : options.storage;
  const initial: RecentPaymentsState = {
    status: "loading",
    payments: [],
    hasMore: false,
    error: null,
    refunds: [],
  };
  let cursor: string | null = null;
  let generation = 0;
  let memory: RefundIntent[] = [];
  const inFlight = new Map<string, Promise<RefundView>>();
  const cell = snapshotCell(initial, initial, () => {
    show(readIntents());
    void load(false);
  });

  // Read at every use, so that another tab's refunds (same storage) are seen before sending.
  const readIntents = () => (storage ? readRefundIntents(storage, storageKey) : memory);
  const show = (refunds: RefundIntent[]) => {
    if (JSON.stringify(refunds) !== JSON.stringify(cell.get().refunds)) {
      cell.set({ ...cell.get(), refunds });
    }
  };
  function writeIntents(next: RefundIntent[]) {
    memory = next;
    // A full or blocked storage: the refunds stay in memory for this page's life.
    if (storage && !writeRefundIntents(storage, storageKey, next)) storage = null;
    show(next);
  }
  const retire = (key: string) =>
    writeIntents(readIntents().filter((i) => i.idempotencyKey !== key));

  async function load(more: boolean) {
    const gen = more ? generation : ++generation;
    const before = cell.get();
    cell.set({ ...before, status: "loading", error: null });
    try {
      const page = await listPayments(client, { ...query, ...(more && cursor ? { cursor } : {}) });
      if (gen !== generation) return;
      cursor = page.nextCursor;
      const payments = more ? [...before.payments, ...page.payments] : page.payments;
      cell.set({ ...cell.get(), status: "ready", payments, hasMore: cursor !== null, error: null });
      settle(page.payments);
    } catch (error) {
      if (gen !== generation) return;
      cell.set({ ...cell.get(), status: "error", error: toAmsEdgeError(error) });
    }
  }

  /** Retires the `processing` refunds that the listed payments show settled. */
  function settle(payments: readonly PaymentView[]) {
    const intents = readIntents();
    const open = intents.filter((intent) => {
      const shown = payments
        .find((p) => p.paymentRequestId === intent.paymentRequestId)
        ?.refunds?.find((r) => r.refundRequestId === intent.refundRequestId);
      return !shown || shown.status === "processing";
    });
    if (open.length < intents.length) writeIntents(open);
    else show(intents);
  }

  async function send(intent: RefundIntent): Promise<RefundView> {
    const { idempotencyKey, paymentRequestId, amount, reason } = intent;
    let result: RefundView;
    try {
      const body = { amount, ...(reason === null ? {} : { reason }) };
      result = await refundPayment(client, paymentRequestId, body, idempotencyKey);
    } catch (error) {
      // Without an answer the refund may have gone through: its key stays for the next try.
      if (isRefundRefusal(error)) retire(idempotencyKey);
      throw error;
    }
    if (result.status === "processing") {
      const { refundRequestId } = result;
      writeIntents(
        readIntents().map((i) =>
          i.idempotencyKey === idempotencyKey ? { ...i, status: "processing", refundRequestId } : i,
        ),
      );
    } else {
      retire(idempotencyKey);
    }
    await load(false);
    return result;
  }

  async function replaceRow(answer: Promise<PaymentView>): Promise<PaymentView> {
    const payment = await answer;
    const state = cell.get();
    const payments = state.payments.map((p) =>
      p.paymentRequestId === payment.paymentRequestId ? payment : p,
    );
    cell.set({ ...state, payments });
    return payment;
  }

  return {
    ...cell.store,
    refresh: () => load(false),
    loadMore: () => (cursor === null ? Promise.resolve() : load(true)),
    refund(paymentRequestId, amount, reason, refundOptions = {}) {
      const why = reason ?? null;
      const intents = readIntents();
      let intent = intents.find((i) => sameRefund(i, paymentRequestId, amount, why));
      if (!intent) {
        const open = intents.find((i) => i.paymentRequestId === paymentRequestId);
        if (open && !refundOptions.alongside) {
          return Promise.reject(new RefundInProgressError(open));
        }
        intent = {
          idempotencyKey: createKey(),
          paymentRequestId,
          amount,
          reason: why,
          status: "unanswered",
          refundRequestId: null,
          createdAt: Date.now(),
        };
        // Stored before it is sent: after a reload the same refund goes out with the same key.
        writeIntents([...intents, intent]);
      }
      const key = intent.idempotencyKey;
      // A second tap while the first is on its way gets the same refund.
      let sent = inFlight.get(key);
      if (!sent) {
        sent = send(intent).finally(() => inFlight.delete(key));
        inFlight.set(key, sent);
      }
      return sent;
    },
    cancel: (paymentRequestId) => replaceRow(client.cancelPayment(paymentRequestId)),
    inquire: (paymentRequestId) => replaceRow(inquirePayment(client, paymentRequestId)),
  };
}
