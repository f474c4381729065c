import type { PaymentAmount, PaymentScenario, PaymentState } from "./payment-state.ts";

/** What {@link createPayment} needs: the order as sent in the pay request. */
export interface CreatePaymentParams {
  paymentRequestId: string;
  scenario: PaymentScenario;
  /** The order amount in minor units, e.g. `{ currency: "USD", value: "599" }`. */
  amount: PaymentAmount;
  /** When the pay request was sent, epoch ms. */
  createdAt: number;
  /** The `paymentExpiryTime` sent with pay, epoch ms. */
  expiresAt: number;
  /** The provider's id when already known (resuming a payment created elsewhere). */
  paymentId?: string | null;
}

const MINOR_UNITS = /^\d+$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The state of a payment whose pay request is being sent: status `creating`, version 1.
 *
 * @example
 * const state = createPayment({
 *   paymentRequestId: "order-1001", scenario: "OrderCode",
 *   amount: { currency: "USD", value: "599" },
 *   createdAt: Date.now(), expiresAt: Date.now() + 10 * 60_000,
 * });
 */
export function createPayment(params: CreatePaymentParams): PaymentState {
  const { paymentRequestId, scenario, amount, createdAt, expiresAt } = params;
  if (typeof paymentRequestId !== "string" || paymentRequestId.length === 0) {
    throw new TypeError("createPayment: expected a non-empty paymentRequestId string.");
  }
  if (scenario !== "OrderCode" && scenario !== "EntryCode") {
    throw new TypeError(
      `createPayment: expected scenario "OrderCode" or "EntryCode", got ${JSON.stringify(scenario)}.`,
    );
  }
  if (!CURRENCY.test(amount?.currency ?? "") || !MINOR_UNITS.test(amount?.value ?? "")) {
    throw new TypeError(
      `createPayment: expected amount { currency: "USD", value: "599" } in minor units, got ${JSON.stringify(amount)}.`,
    );
  }
  if (!Number.isFinite(createdAt) || !Number.isFinite(expiresAt) || expiresAt <= createdAt) {
    throw new TypeError(
      `createPayment: expected epoch-ms createdAt before expiresAt, got ${createdAt} and ${expiresAt}.`,
    );
  }
  return {
    paymentRequestId,
    paymentId: params.paymentId ?? null,
    scenario,
    amount: { currency: amount.currency, value: amount.value },
    status: "creating",
    version: 1,
    createdAt,
    updatedAt: createdAt,
    expiresAt,
    code: null,
    redirectUrl: null,
    resultCode: null,
    pay: { attempts: 0, lastAt: null, lastStatus: null, acceptedAt: null },
    inquiry: { attempts: 0, lastAt: null, lastObservation: null, notFoundStreak: 0 },
    cancel: {
      requestedAt: null,
      reason: null,
      inFlight: false,
      sentAt: null,
      attempts: 0,
      lastAt: null,
      outcome: "none",
      resultCode: null,
    },
    throttledStreak: 0,
    followUp: { cancels: 0, inquiries: 0 },
    attention: null,
    closedBy: null,
    closedAt: null,
    paid: null,
    paidThenCancelled: null,
    mismatch: null,
  };
}
