import { formatAmount, minorUnitDigits } from "@ams-edge/core";
import { useEntryCodeCheckout } from "@ams-edge/react-hooks";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { AmountField } from "../ui/amount-field.tsx";
import { AmountKeypad } from "../ui/amount-keypad.tsx";
import type { EntrySession } from "./entry-session.ts";

/** Props of {@link EntryForm}. */
export interface EntryFormProps {
  storeId: string;
  /** The store's ISO 4217 currency. */
  currency: string;
  /** Bounds of the amount in minor units, as the Worker reports them. */
  limits: { min: string; max: string };
  /** Called with the new payment just before the page leaves for the wallet. */
  onLeaving: (session: EntrySession) => void;
}

// The page leaves for the wallet itself, after it has remembered the payment.
const stay = () => {};

/** The amount the customer pays, and "Pay". */
export function EntryForm({ storeId, currency, limits, onLeaving }: EntryFormProps): ReactNode {
  const { state, setInput, press, submit } = useEntryCodeCheckout(storeId, {
    currency,
    limits,
    navigate: stay,
  });
  const [tried, setTried] = useState(false);
  const left = useRef<string | null>(null);

  useEffect(() => {
    // Once per payment, whatever re-renders (or StrictMode's second effect run) happen.
    if (state.status !== "redirected" || left.current === state.payment.paymentRequestId) return;
    left.current = state.payment.paymentRequestId;
    onLeaving({ paymentRequestId: state.payment.paymentRequestId, statusToken: state.statusToken });
    window.location.assign(state.redirectUrl);
  }, [state, onLeaving]);

  const inputError = state.status === "editing" ? state.inputError : null;
  const showInputError =
    inputError !== null && (tried || (state.input !== "" && inputError.code !== "AMOUNT_EMPTY"));
  const busy = state.status === "submitting" || state.status === "redirected";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    void submit();
  };
  return (
    <form className="entry" onSubmit={onSubmit} noValidate>
      <h1 className="card-title">Enter the amount to pay</h1>
      <AmountField
        id="entry-amount"
        label={`Amount (${currency})`}
        currency={currency}
        value={state.input}
        onChange={setInput}
        invalid={showInputError}
        errorId="entry-amount-error"
        disabled={busy}
      />
      <p className="muted">
        From {formatAmount({ currency, value: limits.min })} to{" "}
        {formatAmount({ currency, value: limits.max })}. Check the amount with the cashier.
      </p>
      {showInputError ? (
        <p id="entry-amount-error" className="field-error" role="alert">
          {inputError.message}
        </p>
      ) : null}
      <AmountKeypad decimals={minorUnitDigits(currency) > 0} onPress={press} disabled={busy} />
      {state.status === "error" ? (
        <p className="notice danger" role="alert">
          The payment could not be started: {state.error.message}
        </p>
      ) : null}
      <button type="submit" className="button primary large" disabled={busy}>
        {busy ? "Opening your wallet…" : state.amount ? `Pay ${formatAmount(state.amount)}` : "Pay"}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {busy ? "Opening your wallet." : ""}
      </p>
    </form>
  );
}
