import { isWorkerApiError } from "@ams-edge/react-hooks";
import type { ReactNode } from "react";
import type { StoreInfo } from "../config/store-info.ts";
import { useStoreInfo } from "../config/use-store-info.ts";

/** Props of {@link StoreGate}. */
export interface StoreGateProps {
  storeId: string;
  /** The page, once the Worker has described the store. */
  children: (store: StoreInfo) => ReactNode;
}

/** Loads the store from the Worker, then renders the page for it; says why when it cannot. */
export function StoreGate({ storeId, children }: StoreGateProps): ReactNode {
  const { state, retry } = useStoreInfo(storeId);
  if (state.status === "ready") return children(state.store);
  if (state.status === "loading") return <p className="loading">Loading…</p>;
  const unknown = isWorkerApiError(state.error) && state.error.status === 404;
  return (
    <main className="narrow">
      <div className="card" role="alert">
        <h1 className="card-title">{unknown ? "Store not found" : "Could not load the store"}</h1>
        <p>
          {unknown
            ? `The payments Worker has no store "${storeId}".`
            : `The payments Worker did not answer: ${state.error.message}`}
        </p>
        {unknown ? null : (
          <button type="button" className="button primary" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </main>
  );
}
