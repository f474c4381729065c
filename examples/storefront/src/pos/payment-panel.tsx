import { formatAmount } from "@ams-edge/core";
import {
  type ConnectionState,
  describePaymentState,
  isWorkerApiError,
  type OrderCodePayment,
  OrderCodeQr,
  type OrderCodeState,
} from "@ams-edge/react-hooks";
import type { RecentPayments } from "@ams-edge/react-hooks/merchant";
import { type ReactNode, useState } from "react";
import { useFocusOnMount } from "../ui/use-focus-on-mount.ts";
import { AttentionNotice } from "./attention-notice.tsx";

/** Props of {@link PaymentPanel}. */
export interface PaymentPanelProps {
  payment: OrderCodePayment;
  onChangeKey: () => void;
  /** Asks the gateway again about a payment flagged for attention. */
  onInquire: RecentPayments["inquire"];
}

type Tone = "pending" | "success" | "danger" | "neutral";

function toneOf(state: OrderCodeState): Tone {
  switch (state.status) {
    case "succeeded":
      return "success";
    case "failed":
    case "error":
      return "danger";
    case "cancelled":
      return state.reversed ? "danger" : "neutral";
    case "expired":
      return "neutral";
    default:
      return "pending";
  }
}

const HEADLINES: Partial<Record<OrderCodeState["status"], string>> = {
  succeeded: "Paid",
  failed: "Declined",
  cancelled: "Cancelled",
  expired: "Expired",
  error: "Needs attention",
};

const CONNECTION: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  polling: "Checking every few seconds",
  offline: "Offline, retrying",
};

const refusedKey = (state: OrderCodeState) =>
  state.status === "error" && isWorkerApiError(state.error) && state.error.status === 401;

// The live region of OrderCodeQr reads this; the wording is for the cashier at the till.
function describe(state: OrderCodeState): string {
  if (refusedKey(state)) return "The Worker refused this till's API key.";
  if (state.status === "awaiting_scan") {
    return `Ask the customer to scan the code with Alipay+.${state.connection === "offline" ? " Connection lost; still checking." : ""}`;
  }
  if (state.status === "succeeded")
    return `Payment received: ${formatAmount(state.payment.amount)}.`;
  return describePaymentState(state);
}

/**
 * The payment in progress: the big amount, the QR with its countdown and live status, and what
 * the cashier can do next (cancel, try again, new sale).
 */
export function PaymentPanel({ payment, onChangeKey, onInquire }: PaymentPanelProps): ReactNode {
  const { state, cancel, retry, reset } = payment;
  const [cancelError, setCancelError] = useState<string | null>(null);
  const view = "payment" in state ? state.payment : null;
  const headline = HEADLINES[state.status];
  const tone = toneOf(state);
  const open = state.status === "creating" || state.status === "awaiting_scan";
  return (
    <div className="payment" data-tone={tone} data-status={state.status}>
      {view ? (
        <div className="payment-head">
          <p className="payment-amount">{formatAmount(view.amount)}</p>
          <p className="payment-description">{view.description}</p>
        </div>
      ) : null}
      {headline ? (
        <p className="payment-outcome" aria-hidden="true">
          <span className="payment-outcome-icon" />
          {headline}
        </p>
      ) : null}
      <OrderCodeQr state={state} size={288} className="order-code" describe={describe} />
      {"connection" in state && open ? (
        <p className="connection" data-connection={state.connection}>
          {CONNECTION[state.connection]}
        </p>
      ) : null}
      {view ? <AttentionNotice payment={view} onInquire={onInquire} /> : null}
      {cancelError ? (
        <p className="field-error" role="alert">
          {cancelError}
        </p>
      ) : null}
      <div className="payment-actions">
        {open ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setCancelError(null);
              cancel().catch((error: unknown) =>
                setCancelError(
                  `Could not cancel: ${error instanceof Error ? error.message : String(error)}`,
                ),
              );
            }}
          >
            Cancel payment
          </button>
        ) : null}
        {open ? null : (
          <FinalActions state={state} retry={retry} reset={reset} onChangeKey={onChangeKey} />
        )}
      </div>
      {view ? <p className="payment-ref">Ref. {view.paymentRequestId}</p> : null}
    </div>
  );
}

interface FinalActionsProps {
  state: OrderCodeState;
  retry: () => Promise<void>;
  reset: () => void;
  onChangeKey: () => void;
}

/** What to do once the payment is over; the first action takes the focus "Cancel" had. */
function FinalActions({ state, retry, reset, onChangeKey }: FinalActionsProps): ReactNode {
  const first = useFocusOnMount<HTMLButtonElement>();
  const retryable =
    state.status === "failed" || state.status === "expired" || state.status === "error";
  return (
    <>
      {retryable ? (
        refusedKey(state) ? (
          <button ref={first} type="button" className="button primary" onClick={onChangeKey}>
            Enter another API key
          </button>
        ) : (
          <button ref={first} type="button" className="button primary" onClick={() => void retry()}>
            Try again
          </button>
        )
      ) : null}
      <button
        ref={retryable ? undefined : first}
        type="button"
        className={state.status === "succeeded" ? "button primary large" : "button secondary"}
        onClick={reset}
      >
        New sale
      </button>
    </>
  );
}
