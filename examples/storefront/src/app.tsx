import { AmsProvider } from "@ams-edge/react-hooks";
import { lazy, type ReactNode, Suspense } from "react";
import { readApiKey } from "./config/api-key.ts";
import { matchRoute } from "./config/match-route.ts";
import { storefrontConfig } from "./config/storefront-config.ts";
import { StoreGate } from "./ui/store-gate.tsx";

// One chunk per page: the customer's phone never downloads the till or the merchant API calls.
const PointOfSale = lazy(() =>
  import("./pos/point-of-sale.tsx").then((m) => ({ default: m.PointOfSale })),
);
const EntryPage = lazy(() =>
  import("./entry/entry-page.tsx").then((m) => ({ default: m.EntryPage })),
);
const PrintableEntryCode = lazy(() =>
  import("./print/printable-entry-code.tsx").then((m) => ({ default: m.PrintableEntryCode })),
);

const { workerUrl } = storefrontConfig;

/**
 * Picks the page for the current path; each page gets the Worker client it needs and the store
 * as the Worker describes it.
 */
export function App(): ReactNode {
  const route = matchRoute(window.location.pathname);
  return <Suspense fallback={<p className="loading">Loading…</p>}>{page(route)}</Suspense>;
}

function page(route: ReturnType<typeof matchRoute>): ReactNode {
  switch (route.page) {
    case "pos":
      return (
        <AmsProvider baseUrl={workerUrl} apiKey={readApiKey}>
          <StoreGate storeId={storefrontConfig.storeId}>
            {(store) => <PointOfSale store={store} />}
          </StoreGate>
        </AmsProvider>
      );
    case "entry":
      // Public: the customer's page sends no API key.
      return (
        <AmsProvider baseUrl={workerUrl}>
          <StoreGate storeId={route.storeId}>{(store) => <EntryPage store={store} />}</StoreGate>
        </AmsProvider>
      );
    case "print":
      return (
        <AmsProvider baseUrl={workerUrl}>
          <StoreGate storeId={route.storeId}>
            {(store) => <PrintableEntryCode store={store} />}
          </StoreGate>
        </AmsProvider>
      );
    case "not-found":
      return (
        <main className="narrow">
          <h1>Page not found</h1>
          <p>
            Go to <a href="/">the till</a> or the{" "}
            <a href={`/entry/${storefrontConfig.storeId}`}>customer page</a>.
          </p>
        </main>
      );
  }
}
