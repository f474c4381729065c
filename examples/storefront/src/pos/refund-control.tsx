import { formatAmount, fromMinorUnits } from "@ams-edge/core";
import type { RefundViewStatus } from "@ams-edge/core/api";
import { type AmountView, type PaymentView, parseAmountInput } from "@ams-edge/react-hooks";
import type { RecentPayments, RefundView } from "@ams-edge/react-hooks/merchant";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { normalizeAmountText } from "../ui/normalize-amount-text.ts";
import { useFocusOnMount } from "../ui/use-focus-on-mount.ts";
import { refundable } from "./refundable.ts";

type Step = { kind: "closed" } | { kind: "open" } | { kind: "done"; refund: RefundView };

const REFUND_WORDS: Record<RefundViewStatus, string> = {
  succeeded: "Refunded",
  processing: "Refund processing:",
  failed: "Refund failed:",
};

/**
 * "Refund" on a paid payment: asks for the amount (all that is left by default), then confirms.
 * A payment refunded in full shows so instead.
 */
export function RefundControl({
  payment,
  refund,
}: {
  payment: PaymentView;
  refund: RecentPayments["refund"];
}): ReactNode {
  const [step, setStep] = useState<Step>({ kind: "closed" });
  const { paymentRequestId } = payment;
  const left = refundable(payment);
  switch (step.kind) {
    case "done":
      return (
        <p className="refund-result" role="status" data-refund={step.refund.status}>
          {REFUND_WORDS[step.refund.status]} {formatAmount(step.refund.amount)}
        </p>
      );
    case "closed":
      return left.value === "0" ? (
        <p className="refund-result" data-refund="full">
          Refunded in full
        </p>
      ) : (
        <button
          type="button"
          className="button ghost small"
          aria-label={`Refund ${formatAmount(left)}, ${payment.description}`}
          onClick={() => setStep({ kind: "open" })}
        >
          Refund
        </button>
      );
    case "open":
      return (
        <RefundForm
          left={left}
          onRefund={(value) => refund(paymentRequestId, value, "Refunded at the till")}
          onDone={(result) => setStep({ kind: "done", refund: result })}
          onClose={() => setStep({ kind: "closed" })}
        />
      );
  }
}

interface RefundFormProps {
  /** What is left to refund: the most this form accepts. */
  left: AmountView;
  onRefund: (amount: AmountView) => Promise<RefundView>;
  onDone: (refund: RefundView) => void;
  onClose: () => void;
}

function RefundForm({ left, onRefund, onDone, onClose }: RefundFormProps): ReactNode {
  const id = useId();
  const input = useFocusOnMount<HTMLInputElement>();
  const [text, setText] = useState(() => fromMinorUnits(left.value, left.currency));
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountInput(text, left.currency, { max: left.value });
    if (!parsed.amount) {
      setError(parsed.error.message);
      return;
    }
    setSending(true);
    onRefund(parsed.amount).then(onDone, (cause: unknown) => {
      setSending(false);
      setError(cause instanceof Error ? cause.message : String(cause));
    });
  };
  return (
    <form className="refund-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-amount`}>Refund amount ({left.currency})</label>
      <input
        ref={input}
        id={`${id}-amount`}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={sending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(normalizeAmountText(event.currentTarget.value, left.currency));
          setError(null);
        }}
      />
      <div className="refund-actions">
        <button type="submit" className="button danger small" disabled={sending}>
          {sending ? "Refunding…" : "Confirm refund"}
        </button>
        <button type="button" className="button ghost small" disabled={sending} onClick={onClose}>
          Keep
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
