import { useAmsContext } from "@ams-edge/react-hooks";
import { useCallback, useEffect, useState } from "react";
import { loadStoreInfo, type StoreInfo } from "./store-info.ts";

/** Where loading the store stands. */
export type StoreInfoState =
  | { status: "loading" }
  | { status: "ready"; store: StoreInfo }
  | { status: "error"; error: Error };

/** The store from the Worker (through the `AmsProvider`'s client), and a way to ask again. */
export function useStoreInfo(storeId: string): { state: StoreInfoState; retry: () => void } {
  const { client } = useAmsContext(undefined, "useStoreInfo");
  const [state, setState] = useState<StoreInfoState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` is how retry() asks again.
  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    loadStoreInfo(client, storeId).then(
      (store) => current && setState({ status: "ready", store }),
      (cause: unknown) =>
        current &&
        setState({
          status: "error",
          error: cause instanceof Error ? cause : new Error(String(cause)),
        }),
    );
    return () => {
      current = false;
    };
  }, [client, storeId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
