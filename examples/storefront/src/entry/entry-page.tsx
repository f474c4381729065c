import { type ReactNode, useState } from "react";
import { storeNameOf } from "../config/storefront-config.ts";
import { EntryForm } from "./entry-form.tsx";
import { EntryResult } from "./entry-result.tsx";
import { type EntrySession, readEntrySession, writeEntrySession } from "./entry-session.ts";

/**
 * The customer's Entry Code page: type the amount, pay in the wallet, see the result. When the
 * customer comes back from the wallet, the page shows how that payment ended.
 */
export function EntryPage({ storeId }: { storeId: string }): ReactNode {
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
        <p className="customer-store">{storeNameOf(storeId)}</p>
      </header>
      <main className="card customer-card">
        {session ? (
          <EntryResult session={session} storeId={storeId} onStartOver={startOver} />
        ) : (
          <EntryForm storeId={storeId} onLeaving={(next) => writeEntrySession(storeId, next)} />
        )}
      </main>
      <footer className="customer-foot">Payments by Alipay+ · secured by ams-edge</footer>
    </div>
  );
}
