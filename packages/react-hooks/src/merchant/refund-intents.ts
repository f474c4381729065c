import type { AmountView } from "@ams-edge/core/api";
import { isWorkerApiError } from "../client/worker-api-error.ts";
import type { PaymentStorage } from "../stores/payment-storage.ts";

/**
 * A refund the cashier asked for that has no final answer yet: its key is sent again on every
 * retry, so however often it is sent, it is one refund.
 */
export interface RefundIntent {
  /** The `Idempotency-Key` of every request for this refund. */
  idempotencyKey: string;
  paymentRequestId: string;
  amount: AmountView;
  reason: string | null;
  /**
   * `unanswered`: no answer yet (on its way, timed out, a network error or a 5xx: money may have
   * moved); `processing`: the Worker took it and the gateway has not settled it.
   */
  status: "unanswered" | "processing";
  /** The Worker's id of the refund, once it answered `processing`. */
  refundRequestId: string | null;
  /** When the cashier asked (ms since the epoch). */
  createdAt: number;
}

/** `localStorage`, so a refund outlives the tab; null where there is none (SSR) or it is blocked. */
export function defaultRefundStorage(): PaymentStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored intents; anything unreadable counts as none. */
export function readRefundIntents(storage: PaymentStorage | null, key: string): RefundIntent[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) as string);
    return Array.isArray(value)
      ? value.filter(
          (i: Partial<RefundIntent> | null) =>
            typeof i?.idempotencyKey === "string" &&
            typeof i.paymentRequestId === "string" &&
            typeof i.amount?.value === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** Stores `intents`, or removes the entry when there are none. Returns false when it could not. */
export function writeRefundIntents(
  storage: PaymentStorage | null,
  key: string,
  intents: readonly RefundIntent[],
): boolean {
  try {
    if (intents.length) storage?.setItem(key, JSON.stringify(intents));
    else storage?.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** True when `intent` asks for exactly this refund (same payment, amount and reason). */
export function sameRefund(
  intent: RefundIntent,
  paymentRequestId: string,
  amount: AmountView,
  reason: string | null,
): boolean {
  return (
    intent.paymentRequestId === paymentRequestId &&
    intent.amount.currency === amount.currency &&
    intent.amount.value === amount.value &&
    intent.reason === reason
  );
}

/**
 * True when the Worker refused a refund outright: a 4xx other than 408 and 429
 * (`REFUND_AMOUNT_EXCEEDED`, `PAYMENT_NOT_REFUNDABLE`, `IDEMPOTENCY_KEY_REUSED`, ...). No money
 * moved, so the refund's key is retired; anything else (no answer, a timeout, a 5xx) may have
 * moved money, so the key is kept for the next try.
 * @example
 * refund(id, amount).catch((e) => (isRefundRefusal(e) ? showError(e) : showCheckAgain()));
 */
export function isRefundRefusal(error: unknown): boolean {
  return isWorkerApiError(error) && error.code === "HTTP_STATUS" && !error.transient;
}
