import { isWorkerApiError, useOrderCodePayment } from "@ams-edge/react-hooks";
import { useRecentPayments } from "@ams-edge/react-hooks/merchant";
import { type ReactNode, useEffect, useState } from "react";
import { forgetApiKey, readApiKey } from "../config/api-key.ts";
import type { StoreInfo } from "../config/store-info.ts";
import { ApiKeyForm } from "./api-key-form.tsx";
import { ChargeForm } from "./charge-form.tsx";
import { PaymentPanel } from "./payment-panel.tsx";
import { RecentPayments } from "./recent-payments.tsx";

const LIST_REFRESH_MS = 15_000;

/**
 * The till: type an amount, show the Order Code, watch it get paid; recent payments with refunds
 * alongside. Asks for the merchant API key first when this browser has none.
 */
export function PointOfSale({ store }: { store: StoreInfo }): ReactNode {
  const [hasKey, setHasKey] = useState(() => readApiKey() !== "");
  const changeKey = () => {
    forgetApiKey();
    setHasKey(false);
  };
  return (
    <div className="app">
      <header className="topbar">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{store.name}</span>
          <span className="brand-sub">Point of sale</span>
        </p>
        <nav aria-label="Till">
          {store.entryCode === null ? null : (
            <a className="topbar-link" href={`/print/${encodeURIComponent(store.storeId)}`}>
              Print Entry Code
            </a>
          )}
          {hasKey ? (
            <button type="button" className="topbar-link" onClick={changeKey}>
              Change API key
            </button>
          ) : null}
        </nav>
      </header>
      {hasKey ? (
        <Till store={store} onChangeKey={changeKey} />
      ) : (
        <ApiKeyForm onSaved={() => setHasKey(true)} />
      )}
    </div>
  );
}

function Till({ store, onChangeKey }: { store: StoreInfo; onChangeKey: () => void }): ReactNode {
  const { storeId } = store;
  const payment = useOrderCodePayment();
  const recent = useRecentPayments({ storeId, limit: 8 });
  const { status } = payment.state;
  const { refresh } = recent;
  // The list shows the new payment once it has a code, and its outcome once it is final.
  useEffect(() => {
    if (status !== "idle" && status !== "creating") void refresh();
  }, [status, refresh]);
  // Entry Code payments arrive without the till doing anything: look for them now and then.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, LIST_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const current = "payment" in payment.state ? payment.state.payment : null;
  const listError = recent.state.error;
  const keyRefused = isWorkerApiError(listError) && listError.status === 401;
  return (
    <main className="pos">
      <section className="card sale" aria-labelledby="sale-title">
        <h1 id="sale-title" className="card-title">
          {status === "idle" ? "New sale" : "Payment"}
        </h1>
        {keyRefused ? <KeyRefused onChangeKey={onChangeKey} /> : null}
        {payment.state.status === "idle" ? (
          <ChargeForm
            currency={store.currency}
            onCharge={(amount, description) =>
              void payment.create({ amount, description, storeId })
            }
          />
        ) : (
          <PaymentPanel payment={payment} onChangeKey={onChangeKey} onInquire={recent.inquire} />
        )}
      </section>
      <RecentPayments recent={recent} latest={current} />
    </main>
  );
}

function KeyRefused({ onChangeKey }: { onChangeKey: () => void }): ReactNode {
  return (
    <div className="notice danger" role="alert">
      <p>The Worker refused this till's API key.</p>
      <button type="button" className="button secondary" onClick={onChangeKey}>
        Enter another key
      </button>
    </div>
  );
}
