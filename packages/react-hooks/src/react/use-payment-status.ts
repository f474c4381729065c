import { useMemo } from "react";
import type { WorkerClient } from "../client/create-worker-client.ts";
import type { PaymentScreenState } from "../state/payment-state.ts";
import { createPaymentStore, type PaymentStoreOptions } from "../stores/create-payment-store.ts";
import { snapshotCell } from "../stores/snapshot-store.ts";
import { useAmsContext } from "./ams-context.ts";
import { useStore } from "./use-store.ts";

/** Options of {@link usePaymentStatus}. */
export type UsePaymentStatusOptions = Pick<PaymentStoreOptions, "now" | "random" | "timing"> & {
  /** A client to use instead of the provider's. */
  client?: WorkerClient;
};

const idle: PaymentScreenState = { status: "idle" };
const idleStore = snapshotCell(idle, idle).store;

/**
 * Follows a payment live (WebSocket, polling as the safety net) until it reaches a final state.
 * `idle` while `paymentRequestId` or `statusToken` is missing; a new id starts over.
 * @example
 * const state = usePaymentStatus(id, token);
 * if (state.status === "succeeded") return <Paid />;
 */
export function usePaymentStatus(
  paymentRequestId: string | null | undefined,
  statusToken: string | null | undefined,
  options: UsePaymentStatusOptions = {},
): PaymentScreenState {
  const { client } = useAmsContext(options.client, "usePaymentStatus");
  // Timing options are read when following starts; changing them does not restart it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new store only for a new payment or client
  const store = useMemo(
    () =>
      paymentRequestId && statusToken
        ? createPaymentStore({ ...options, client, paymentRequestId, statusToken })
        : idleStore,
    [client, paymentRequestId, statusToken],
  );
  return useStore(store);
}
