import type { ReactNode } from "react";
import type { StoreInfo } from "../config/store-info.ts";
import { storefrontConfig } from "../config/storefront-config.ts";

/**
 * The store's Entry Code, ready to print and stick on the counter. The QR comes from the Worker
 * (`/api/stores/:storeId/entry-code.svg`) and opens the Worker's `/pay/:storeId` page.
 */
export function PrintableEntryCode({ store }: { store: StoreInfo }): ReactNode {
  const base = storefrontConfig.workerUrl || window.location.origin;
  const { storeId, name } = store;
  return (
    <div className="print-page">
      <nav className="print-toolbar no-print" aria-label="Printing">
        <a className="topbar-link" href="/">
          ← Back to the till
        </a>
        {store.entryCode === null ? null : (
          <button type="button" className="button primary" onClick={() => window.print()}>
            Print
          </button>
        )}
      </nav>
      {store.entryCode === null ? (
        <main className="print-sheet">
          <h1 className="print-store">{name}</h1>
          <p className="notice" role="alert">
            This store takes no Entry Code payments: add <code>entryCode</code> to its entry in the
            Worker's <code>STORES</code> variable.
          </p>
        </main>
      ) : (
        <EntryCodeSheet storeId={storeId} name={name} base={base} />
      )}
    </div>
  );
}

/** The printed sheet: the store's name, its code and how to use it. */
function EntryCodeSheet({
  storeId,
  name,
  base,
}: {
  storeId: string;
  name: string;
  base: string;
}): ReactNode {
  const id = encodeURIComponent(storeId);
  return (
    <main className="print-sheet">
      <p className="print-kicker">Scan to pay</p>
      <h1 className="print-store">{name}</h1>
      <img
        className="print-code"
        src={`${storefrontConfig.workerUrl}/api/stores/${id}/entry-code.svg`}
        alt={`Entry Code of ${name}: scan it with Alipay+ to pay`}
        width={320}
        height={320}
      />
      <ol className="print-steps">
        <li>Scan this code with Alipay+ or a partner wallet.</li>
        <li>Enter the amount the cashier tells you.</li>
        <li>Confirm in your wallet and show the success screen.</li>
      </ol>
      <p className="print-url">
        {base}/pay/{storeId}
      </p>
    </main>
  );
}
