import type { AmsEdgeError } from "@ams-edge/core";
import type { OrderCodeView, PaymentView } from "@ams-edge/core/api";
import { PaymentMismatchError } from "./payment-mismatch-error.ts";

/**
 * How fresh the status is: `connecting` (no answer yet), `live` (the socket is open), `polling`
 * (no socket; the last poll answered) or `offline` (the last request got no answer).
 */
export type ConnectionState = "connecting" | "live" | "polling" | "offline";

/** A payment being created or loaded: `payment` is null until the Worker's first answer. */
export interface CreatingState {
  status: "creating";
  paymentRequestId: string | null;
  payment: PaymentView | null;
  connection: ConnectionState;
}

/** The code is out (or the wallet was opened); the customer has not paid yet. */
export interface AwaitingScanState {
  status: "awaiting_scan";
  paymentRequestId: string;
  payment: PaymentView;
  /** The Order Code to show; null for Entry Code payments. */
  code: OrderCodeView | null;
  /** The wallet URL of an Entry Code payment; null for Order Code payments. */
  redirectUrl: string | null;
  /** ISO 8601 time at which the code (or the payment) expires. */
  expiresAt: string;
  /** Whole seconds until `expiresAt`, never below 0; ticks while the store is followed. */
  secondsLeft: number;
  connection: ConnectionState;
}

/** The customer paid (a verified notification or inquiry said so). Final. */
export interface SucceededState {
  status: "succeeded";
  paymentRequestId: string;
  payment: PaymentView;
}

/** The payment failed, e.g. the wallet declined it; `resultCode` says why. Final. */
export interface FailedState {
  status: "failed";
  paymentRequestId: string;
  payment: PaymentView;
  resultCode: string | null;
}

/**
 * Closed by a cancel. `reversed` is true when the customer had paid and the money goes back.
 * Final.
 */
export interface CancelledState {
  status: "cancelled";
  paymentRequestId: string;
  payment: PaymentView;
  reversed: boolean;
}

/** Closed unpaid at expiry. Final. */
export interface ExpiredState {
  status: "expired";
  paymentRequestId: string;
  payment: PaymentView;
}

/**
 * Something went wrong that needs attention: the Worker refused a call, the payment could not be
 * read, or the payment was flagged as a mismatch (`error.code === "PAYMENT_MISMATCH"`).
 */
export interface ErrorState {
  status: "error";
  paymentRequestId: string | null;
  payment: PaymentView | null;
  error: AmsEdgeError;
}

/** Everything a payment can look like to a screen; switch on `status`. */
export type PaymentScreenState =
  | { status: "idle" }
  | CreatingState
  | AwaitingScanState
  | SucceededState
  | FailedState
  | CancelledState
  | ExpiredState
  | ErrorState;

/** The statuses after which nothing changes until a new payment starts. */
export function isFinalState(state: PaymentScreenState): boolean {
  return !["idle", "creating", "awaiting_scan"].includes(state.status);
}

/**
 * Maps the Worker's view of a payment to a screen state: `awaiting_payment` is `awaiting_scan`,
 * `reversed` is `cancelled` with `reversed: true`, and `mismatch` is an error, never a success.
 */
export function toPaymentScreenState(
  payment: PaymentView,
  connection: ConnectionState,
  now: number,
): PaymentScreenState {
  const { status, paymentRequestId, code, redirectUrl, resultCode } = payment;
  const base = { paymentRequestId, payment };
  const expiresAt = code?.expiresAt ?? payment.expiresAt;
  return status === "awaiting_payment"
    ? {
        status: "awaiting_scan",
        ...base,
        code,
        redirectUrl,
        expiresAt,
        // Whole seconds, never below 0 (nor NaN for a date that does not parse).
        secondsLeft: Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000)) || 0,
        connection,
      }
    : status === "creating"
      ? { status, ...base, connection }
      : status === "failed"
        ? { status, ...base, resultCode }
        : status === "mismatch"
          ? { status: "error", ...base, error: new PaymentMismatchError(payment) }
          : status === "cancelled" || status === "reversed"
            ? { status: "cancelled", ...base, reversed: status === "reversed" }
            : { status, ...base };
}
