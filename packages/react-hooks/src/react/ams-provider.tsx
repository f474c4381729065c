import { createElement, type ReactNode, useMemo } from "react";
import {
  createWorkerClient,
  type WorkerClient,
  type WorkerClientOptions,
} from "../client/create-worker-client.ts";
import type { PaymentStorage } from "../stores/payment-storage.ts";
import { AmsContext, type AmsContextValue } from "./ams-context.ts";

/** Props of {@link AmsProvider}: how to reach the Worker (or a ready client), and storage. */
export type AmsProviderProps = (WorkerClientOptions | { client: WorkerClient }) & {
  /** Where Order Code payments are remembered across reloads (default sessionStorage; `null`: nowhere). */
  storage?: PaymentStorage | null;
  children?: ReactNode;
};

/**
 * Gives every hook below it the Worker client. Pass stable `fetch`, `apiKey` and `headers`
 * values (module-level functions or memoized ones): a new value makes a new client.
 * @example
 * <AmsProvider baseUrl="https://pay.example.com" apiKey={getApiKey}>
 *   <PointOfSale />
 * </AmsProvider>
 */
export function AmsProvider({ children, storage, ...props }: AmsProviderProps): ReactNode {
  const given = "client" in props ? props.client : undefined;
  const o = props as Partial<WorkerClientOptions>;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new client only when an option changes
  const client = useMemo(
    () => given ?? createWorkerClient({ baseUrl: "", ...o }),
    [given, o.baseUrl, o.fetch, o.WebSocket, o.apiKey, o.headers, o.timeoutMs],
  );
  const value = useMemo<AmsContextValue>(() => ({ client, storage }), [client, storage]);
  // createElement rather than JSX, as in OrderCodeQr: app bundles then need no JSX runtime import.
  return createElement(AmsContext.Provider, { value }, children);
}
