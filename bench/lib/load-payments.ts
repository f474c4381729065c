/**
 * Payments for a notification load: real ones created through the Worker's merchant API (so a
 * notification reaches a real Durable Object), made-up ones no object holds, and the provider's
 * `PAYMENT_RESULT` body for either.
 */
import type { Agent } from "node:http";
import { type PreparedRequest, type RequestOutcome, runBurst } from "./http-burst.ts";

/** What a notification for a payment needs to name. */
export interface LoadPayment {
  paymentRequestId: string;
  paymentId: string;
  amount: { currency: string; value: string };
}

/** A payment created for the load, with when its creation was answered (its pay answer). */
export interface CreatedPayment extends LoadPayment {
  /** Epoch milliseconds; its alarm inquiries are scheduled from about then. */
  answeredAt: number;
}

/** Options of {@link createLoadPayments}. */
export interface CreateLoadPaymentsOptions {
  origin: string;
  apiKey: string;
  count: number;
  agent: Agent;
  concurrency: number;
  timeCapMs: number;
}

/** A `PAYMENT_RESULT` success as the provider words it, for the payment's full amount. */
export function paymentResultBody(payment: LoadPayment): string {
  const now = `${new Date().toISOString().slice(0, 19)}+00:00`;
  return JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: payment.amount,
    actualPaymentAmount: payment.amount,
    paymentCreateTime: now,
    paymentTime: now,
  });
}

/** Payments no object holds, one per id (bench/lib/burst-mix.ts draws the ids). */
export function unknownPayments(ids: readonly string[]): LoadPayment[] {
  return ids.map((paymentRequestId, i) => ({
    paymentRequestId,
    paymentId: `2026120500000000${String(i).padStart(6, "0")}`,
    amount: { currency: "USD", value: "100" },
  }));
}

/**
 * Creates exactly `count` Order Code payments in the demo store through `POST /api/payments`, in
 * order: a request that fails or is cut by the time cap (a busy machine) is sent again with its
 * Idempotency-Key, up to `attempts` times in all, so the load keeps its fixed size. Throws when
 * some payment could still not be created.
 */
export async function createLoadPayments(
  options: CreateLoadPaymentsOptions & { attempts: number },
): Promise<CreatedPayment[]> {
  const created = new Map<number, CreatedPayment>();
  const requests = paymentRequests(options.count, options.apiKey);
  let lastFailure = "the time cap";
  for (let attempt = 0; attempt < options.attempts && created.size < options.count; attempt += 1) {
    const missing = requests.map((_, i) => i).filter((i) => !created.has(i));
    const { outcomes } = await runBurst({
      ...options,
      requests: missing.map((i) => requests[i]).filter((r) => r !== undefined),
    });
    outcomes.forEach((outcome, j) => {
      const payment = createdPayment(outcome);
      const index = missing[j];
      if (typeof payment === "string") lastFailure = payment;
      else if (index !== undefined) created.set(index, payment);
    });
  }
  if (created.size < options.count) {
    throw new Error(
      `bench setup: ${created.size} of ${options.count} payments created after ${options.attempts} attempts (last failure: ${lastFailure})`,
    );
  }
  return [...created.entries()].sort(([a], [b]) => a - b).map(([, payment]) => payment);
}

function paymentRequests(count: number, apiKey: string): PreparedRequest[] {
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => ({
    method: "POST",
    path: "/api/payments",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      "idempotency-key": `notify-load-${crypto.randomUUID()}`,
    },
    body: encoder.encode(
      JSON.stringify({
        // Ends in 0: no sandbox magic amount (those end in 7x1 or 7x2) scripts these payments.
        amount: { currency: "USD", value: String(1000 + 10 * i) },
        description: "notification load",
        storeId: "demo-store",
      }),
    ),
  }));
}

/** The payment a creation answer names, or why there is none. */
function createdPayment(outcome: RequestOutcome): CreatedPayment | string {
  if (outcome.kind === "not-sent") return "the time cap";
  if (outcome.kind === "error") return outcome.message;
  const view =
    // 200: a repeated request (same Idempotency-Key) for a payment the first one created.
    outcome.status === 201 || outcome.status === 200
      ? (JSON.parse(outcome.body) as Omit<LoadPayment, "paymentId"> & {
          paymentId: string | null;
        })
      : null;
  if (view === null || view.paymentId === null) return `${outcome.status} ${outcome.body}`;
  return {
    paymentRequestId: view.paymentRequestId,
    paymentId: view.paymentId,
    amount: view.amount,
    answeredAt: outcome.answeredAt,
  };
}
