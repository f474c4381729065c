import type { PaymentView } from "@ams-edge/react-hooks";
import { type ReactNode, useState } from "react";
import { attentionWords } from "../ui/attention-words.ts";

/** Props of {@link AttentionNotice}. */
export interface AttentionNoticeProps {
  payment: PaymentView;
  /** Asks the gateway once more (`POST /api/payments/:id/inquire`); answers with the payment. */
  onInquire: (paymentRequestId: string) => Promise<PaymentView>;
}

/**
 * "Needs attention" on a payment whose follow-up stopped without a clear outcome, with the
 * reason in words and a button that asks the gateway again. Nothing for any other payment.
 */
export function AttentionNotice({ payment, onInquire }: AttentionNoticeProps): ReactNode {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { attention } = payment;
  if (attention === undefined || attention === null) return null;
  const ask = () => {
    setAsking(true);
    setNote(null);
    onInquire(payment.paymentRequestId).then(
      (answer) => {
        setAsking(false);
        if (answer.attention) setNote("Still no clear answer. Try again later.");
      },
      (error: unknown) => {
        setAsking(false);
        setNote(`Could not ask: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };
  return (
    <div className="attention" role="status" data-attention={attention.reason}>
      <p>
        <strong className="badge badge-danger">Needs attention</strong>{" "}
        {attentionWords(attention.reason)}
      </p>
      <button
        type="button"
        className="button secondary small"
        disabled={asking}
        aria-label={`Ask Alipay again about ${payment.description}`}
        onClick={ask}
      >
        {asking ? "Asking…" : "Ask Alipay again"}
      </button>
      {note ? <p className="field-error">{note}</p> : null}
    </div>
  );
}
