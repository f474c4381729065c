import { formatAmount, fromMinorUnits } from "@ams-edge/core";
import type { RefundViewStatus } from "@ams-edge/core/api";
import { type AmountView, type PaymentView, parseAmountInput } from "@ams-edge/react-hooks";
import type { RecentPayments, RefundIntent, RefundView } from "@ams-edge/react-hooks/merchant";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { normalizeAmountText } from "../ui/normalize-amount-text.ts";
import { useFocusOnMount } from "../ui/use-focus-on-mount.ts";
import { pendingRefundWords, type RefundFailure, refundFailure } from "./refund-outcome.ts";
import { refundable } from "./refundable.ts";

type Step = { kind: "closed" } | { kind: "open" } | { kind: "done"; refund: RefundView };

const REFUND_WORDS: Record<RefundViewStatus, string> = {
  succeeded: "Refunded",
  processing: "Refund processing:",
  failed: "Refund failed:",
};

const REASON = "Refunded at the till";

/** Props of {@link RefundControl}. */
export interface RefundControlProps {
  payment: PaymentView;
  refund: RecentPayments["refund"];
  /** This payment's refunds without a final answer (`state.refunds` of the hook). */
  pending: readonly RefundIntent[];
}

/**
 * "Refund" on a paid payment: asks for the amount (all that is left by default), then confirms.
 * A refund without a final answer (no answer in time, or still processing) stays on the row with
 * "Check again", which asks about that same refund (its key) rather than making another; a new
 * amount while one is open is refused with the choice to check it first. A payment refunded in
 * full shows so instead.
 */
export function RefundControl({ payment, refund, pending }: RefundControlProps): ReactNode {
  const [step, setStep] = useState<Step>({ kind: "closed" });
  const [checking, setChecking] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { paymentRequestId, description } = payment;
  const left = refundable(payment);
  /** The answer of a refund call: final ones are shown; `processing` stays pending on the row. */
  const answered = (result: RefundView) =>
    setStep(result.status === "processing" ? { kind: "closed" } : { kind: "done", refund: result });
  const check = (intent: RefundIntent) => {
    setChecking(intent.idempotencyKey);
    setNote(null);
    refund(paymentRequestId, intent.amount, intent.reason ?? undefined).then(
      (result) => {
        setChecking(null);
        answered(result);
      },
      (error: unknown) => {
        setChecking(null);
        const failure = refundFailure(error);
        setNote(
          failure.kind === "refused"
            ? failure.message
            : "Still no answer from the Worker. Check again in a moment.",
        );
      },
    );
  };
  return (
    <>
      {/* While the form is open it speaks for the refund it is sending. */}
      {(step.kind === "open" ? [] : pending).map((intent) => (
        <div
          key={intent.idempotencyKey}
          className="refund-pending"
          role="status"
          data-refund={intent.status}
        >
          <p>{pendingRefundWords(intent)}</p>
          <button
            type="button"
            className="button secondary small"
            disabled={checking !== null}
            aria-label={`Check the refund of ${formatAmount(intent.amount)}, ${description}`}
            onClick={() => check(intent)}
          >
            {checking === intent.idempotencyKey ? "Checking…" : "Check again"}
          </button>
        </div>
      ))}
      {note ? <p className="field-error">{note}</p> : null}
      <RefundStep
        step={step}
        payment={payment}
        left={left}
        onOpen={() => setStep({ kind: "open" })}
        onClose={() => setStep({ kind: "closed" })}
        onRefund={(value, alongside) =>
          refund(paymentRequestId, value, REASON, alongside ? { alongside } : undefined)
        }
        onAnswer={answered}
        onCheck={(intent) => {
          setStep({ kind: "closed" });
          check(intent);
        }}
      />
    </>
  );
}

interface RefundStepProps extends Omit<RefundFormProps, "left" | "onClose"> {
  step: Step;
  payment: PaymentView;
  left: AmountView;
  onOpen: () => void;
  onClose: () => void;
}

function RefundStep({ step, payment, left, onOpen, ...form }: RefundStepProps): ReactNode {
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
          onClick={onOpen}
        >
          Refund
        </button>
      );
    case "open":
      return <RefundForm left={left} {...form} />;
  }
}

interface RefundFormProps {
  /** What is left to refund: the most this form accepts. */
  left: AmountView;
  /** Sends the refund; `alongside` starts it although another refund of the payment is open. */
  onRefund: (amount: AmountView, alongside: boolean) => Promise<RefundView>;
  onAnswer: (refund: RefundView) => void;
  /** Checks an open refund (the same key) instead of starting this one. */
  onCheck: (pending: RefundIntent) => void;
  onClose: () => void;
}

function RefundForm({ left, onRefund, onAnswer, onCheck, onClose }: RefundFormProps): ReactNode {
  const id = useId();
  const input = useFocusOnMount<HTMLInputElement>();
  const [text, setText] = useState(() => fromMinorUnits(left.value, left.currency));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<RefundIntent | null>(null);
  const [sending, setSending] = useState(false);
  const send = (alongside: boolean) => {
    const parsed = parseAmountInput(text, left.currency, { max: left.value });
    if (!parsed.amount) {
      setError(parsed.error.message);
      return;
    }
    setSending(true);
    setBusy(null);
    onRefund(parsed.amount, alongside).then(onAnswer, (cause: unknown) => {
      setSending(false);
      const failure: RefundFailure = refundFailure(cause);
      if (failure.kind === "in-progress") setBusy(failure.pending);
      else if (failure.kind === "refused") setError(failure.message);
      // Not confirmed: the refund stays on the row with "Check again" (the same key).
      else onClose();
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
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
          setBusy(null);
        }}
      />
      {busy ? (
        <div className="refund-busy" role="alert">
          <p>
            A refund of {formatAmount(busy.amount)} is already in progress. Check it before
            refunding again.
          </p>
          <div className="refund-actions">
            <button type="button" className="button secondary small" onClick={() => onCheck(busy)}>
              Check the refund of {formatAmount(busy.amount)}
            </button>
            <button
              type="button"
              className="button danger small"
              disabled={sending}
              onClick={() => send(true)}
            >
              Refund this as well
            </button>
          </div>
        </div>
      ) : (
        <div className="refund-actions">
          <button type="submit" className="button danger small" disabled={sending}>
            {sending ? "Refunding…" : "Confirm refund"}
          </button>
          <button type="button" className="button ghost small" disabled={sending} onClick={onClose}>
            Keep
          </button>
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
