import { type ReactNode, useState } from "react";
import type { StoreInfo } from "../config/store-info.ts";
import { EntryForm } from "./entry-form.tsx";
import { EntryResult } from "./entry-result.tsx";
import { type EntrySession, readEntrySession, writeEntrySession } from "./entry-session.ts";

/**
 * The customer's Entry Code page: type the amount, pay in the wallet, see the result. When the
 * customer comes back from the wallet, the page shows how that payment ended.
 */
export function EntryPage({ store }: { store: StoreInfo }): ReactNode {
  const { storeId, entryCode } = store;
  const [session, setSession] = useState<EntrySession | null>(() =>
    readEntrySession(storeId, window.location.search),
  );
  const startOver = () => {
    writeEntrySession(storeId, null);
    if (window.location.search !== "")
      window.history.replaceState(null, "", window.location.pathname);
    setSession(null);
  };
  return (
    <div className="customer">
      <header className="customer-head">
        <span className="brand-mark" aria-hidden="true" />
        <p className="customer-store">{store.name}</p>
      </header>
      <main className="card customer-card">
        {session ? (
          <EntryResult session={session} storeName={store.name} onStartOver={startOver} />
        ) : entryCode === null ? (
          <p className="notice" role="alert">
            {store.name} does not take payments with this code. Please pay at the till.
          </p>
        ) : (
          <EntryForm
            storeId={storeId}
            currency={store.currency}
            limits={{ min: entryCode.minValue, max: entryCode.maxValue }}
            onLeaving={(next) => writeEntrySession(storeId, next)}
          />
        )}
      </main>
      <footer className="customer-foot">Payments by Alipay+ · secured by ams-edge</footer>
    </div>
  );
}
