import { createContext, useContext } from "react";
import type { WorkerClient } from "../client/create-worker-client.ts";
import type { PaymentStorage } from "../stores/payment-storage.ts";

/** What `AmsProvider` hands to the hooks below it. */
export interface AmsContextValue {
  client: WorkerClient;
  /** Overrides the default storage of Order Code payments (`undefined`: sessionStorage). */
  storage?: PaymentStorage | null | undefined;
}

/** The context behind `AmsProvider`; read it with {@link useAmsContext}. */
export const AmsContext = /* @__PURE__ */ createContext<AmsContextValue | null>(null);

/**
 * The provider's value, or the one built from `client` when a hook was given its own client.
 * Throws a `TypeError` when neither is there.
 */
export function useAmsContext(client: WorkerClient | undefined, hook: string): AmsContextValue {
  const context = useContext(AmsContext);
  if (client) return { ...context, client };
  if (!context) {
    throw new TypeError(`${hook} needs an <AmsProvider> above it, or a { client } option.`);
  }
  return context;
}
