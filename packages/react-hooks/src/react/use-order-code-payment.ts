import { useMemo, useState } from "react";
import type { WorkerClient } from "../client/create-worker-client.ts";
import {
  createOrderCodeStore,
  type OrderCodeState,
  type OrderCodeStore,
  type OrderCodeStoreOptions,
} from "../stores/create-order-code-store.ts";
import { useAmsContext } from "./ams-context.ts";
import { useStore } from "./use-store.ts";

/** Options of {@link useOrderCodePayment}; read once, when the component mounts. */
export type UseOrderCodePaymentOptions = Omit<OrderCodeStoreOptions, "client"> & {
  /** A client to use instead of the provider's. */
  client?: WorkerClient;
};

/** The state of the Order Code payment and what can be done with it. */
export interface OrderCodePayment
  extends Pick<OrderCodeStore, "create" | "cancel" | "retry" | "reset"> {
  state: OrderCodeState;
}

/**
 * Creates an Order Code payment on `create(params)` and follows it live until it is paid,
 * failed, cancelled or expired. Nothing is sent until `create` is called, so a StrictMode double
 * mount creates nothing twice; calling `create` twice with the same params yields one payment.
 * After a reload the payment resumes from `options.resume` or from sessionStorage.
 * @example
 * const { state, create, cancel } = useOrderCodePayment();
 * <button onClick={() => create({ amount: { currency: "USD", value: "599" }, description: "Latte", storeId: "s1" })}>Charge</button>
 */
export function useOrderCodePayment(options: UseOrderCodePaymentOptions = {}): OrderCodePayment {
  const { client, storage } = useAmsContext(options.client, "useOrderCodePayment");
  const [store] = useState(() => createOrderCodeStore({ storage, ...options, client }));
  const state = useStore(store);
  return useMemo(() => ({ ...store, state }), [state, store]);
}
