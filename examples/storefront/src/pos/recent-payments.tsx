import { formatAmount } from "@ams-edge/core";
import type { PaymentView } from "@ams-edge/react-hooks";
import type { RecentPayments as RecentPaymentsApi } from "@ams-edge/react-hooks/merchant";
import type { ReactNode } from "react";
import { paymentStatusLabel } from "../ui/payment-status-label.ts";
import { AttentionNotice } from "./attention-notice.tsx";
import { RefundControl } from "./refund-control.tsx";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** Props of {@link RecentPayments}. */
export interface RecentPaymentsProps {
  recent: RecentPaymentsApi;
  /** The till's own payment as followed live: newer than the list when the index lags behind. */
  latest: PaymentView | null;
}

/**
 * The store's latest payments, newest first, with a refund action on paid ones and a "needs
 * attention" notice on those whose outcome the gateway never made clear.
 */
export function RecentPayments({ recent, latest }: RecentPaymentsProps): ReactNode {
  const { state, refresh, loadMore, refund, inquire } = recent;
  const payments = state.payments.map((payment) =>
    latest &&
    payment.paymentRequestId === latest.paymentRequestId &&
    latest.version > payment.version
      ? latest
      : payment,
  );
  return (
    <section
      className="card history"
      aria-labelledby="recent-title"
      aria-busy={state.status === "loading"}
    >
      <div className="section-head">
        <h2 id="recent-title" className="card-title">
          Recent payments
        </h2>
        <button type="button" className="button ghost small" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      {state.status === "error" && state.error ? (
        <p className="notice danger" role="alert">
          Could not load payments: {state.error.message}
        </p>
      ) : null}
      {state.status === "ready" && state.payments.length === 0 ? (
        <p className="muted">No payments yet today.</p>
      ) : null}
      <ul className="recent-list">
        {payments.map((payment) => (
          <RecentPaymentRow
            key={payment.paymentRequestId}
            payment={payment}
            refund={refund}
            inquire={inquire}
            pending={state.refunds.filter((r) => r.paymentRequestId === payment.paymentRequestId)}
          />
        ))}
      </ul>
      {state.hasMore ? (
        <button type="button" className="button ghost" onClick={() => void loadMore()}>
          Show more
        </button>
      ) : null}
    </section>
  );
}

function RecentPaymentRow({
  payment,
  refund,
  inquire,
  pending,
}: {
  payment: PaymentView;
  refund: RecentPaymentsApi["refund"];
  inquire: RecentPaymentsApi["inquire"];
  pending: RecentPaymentsApi["state"]["refunds"];
}): ReactNode {
  const label = paymentStatusLabel(payment.status);
  return (
    <li
      className="recent-row"
      data-status={payment.status}
      data-attention={payment.attention?.reason}
    >
      <div className="recent-main">
        <span className="recent-amount">{formatAmount(payment.amount)}</span>
        <span className={`badge badge-${label.tone}`}>{label.text}</span>
      </div>
      <p className="recent-meta">
        <span>{payment.description}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={payment.createdAt}>{timeFormat.format(new Date(payment.createdAt))}</time>
        <span aria-hidden="true"> · </span>
        <span>{payment.scenario === "EntryCode" ? "Entry Code" : "Order Code"}</span>
      </p>
      <AttentionNotice payment={payment} onInquire={inquire} />
      {payment.status === "succeeded" ? (
        <RefundControl payment={payment} refund={refund} pending={pending} />
      ) : null}
    </li>
  );
}
