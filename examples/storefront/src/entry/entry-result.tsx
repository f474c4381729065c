import { formatAmount } from "@ams-edge/core";
import {
  describePaymentState,
  type PaymentScreenState,
  usePaymentStatus,
} from "@ams-edge/react-hooks";
import type { ReactNode } from "react";
import type { EntrySession } from "./entry-session.ts";

/** Props of {@link EntryResult}. */
export interface EntryResultProps {
  session: EntrySession;
  /** The store's name, as the Worker reports it. */
  storeName: string;
  onStartOver: () => void;
}

function headline(state: PaymentScreenState): {
  text: string;
  tone: "success" | "danger" | "pending" | "neutral";
} {
  switch (state.status) {
    case "succeeded":
      return { text: "Payment successful", tone: "success" };
    case "failed":
      return { text: "Payment declined", tone: "danger" };
    case "cancelled":
      return state.reversed
        ? { text: "Payment reversed", tone: "danger" }
        : { text: "Payment cancelled", tone: "neutral" };
    case "expired":
      return { text: "Payment expired", tone: "neutral" };
    case "error":
      return { text: "We could not confirm the payment", tone: "danger" };
    default:
      return { text: "Waiting for your wallet", tone: "pending" };
  }
}

function describe(state: PaymentScreenState): string {
  if (state.status === "awaiting_scan") {
    return `Confirm the payment of ${formatAmount(state.payment.amount)} in your wallet.`;
  }
  if (state.status === "succeeded")
    return `Paid: ${formatAmount(state.payment.amount)}. Thank you!`;
  return describePaymentState(state);
}

/** How the customer's payment ended (followed live until it does). */
export function EntryResult({ session, storeName, onStartOver }: EntryResultProps): ReactNode {
  const state = usePaymentStatus(session.paymentRequestId, session.statusToken);
  const { text, tone } = headline(state);
  const view = "payment" in state ? state.payment : null;
  const final = !["idle", "creating", "awaiting_scan"].includes(state.status);
  return (
    <div className="entry-result" data-tone={tone} data-status={state.status}>
      <p className="payment-outcome" aria-hidden="true">
        <span className="payment-outcome-icon" />
      </p>
      <h1 className="entry-result-title">{text}</h1>
      {view ? <p className="payment-amount">{formatAmount(view.amount)}</p> : null}
      <p className="entry-result-to">to {storeName}</p>
      <p role="status" aria-live="polite" className="entry-result-status">
        {describe(state)}
      </p>
      {state.status === "awaiting_scan" && state.redirectUrl ? (
        <a className="button secondary" href={state.redirectUrl}>
          Open the wallet again
        </a>
      ) : null}
      {view ? <p className="payment-ref">Ref. {view.paymentRequestId}</p> : null}
      {final ? (
        <button
          type="button"
          className={tone === "success" ? "button ghost" : "button primary"}
          onClick={onStartOver}
        >
          {tone === "success" ? "Make another payment" : "Try again"}
        </button>
      ) : null}
    </div>
  );
}
