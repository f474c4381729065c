/**
 * Payments for a notification load: real ones created through the Worker's merchant API (so a
 * notification reaches a real Durable Object), made-up ones no object holds, and the provider's
 * `PAYMENT_RESULT` body for either.
 */
import type { Agent } from "node:http";
import { type PreparedRequest, runBurst } from "./http-burst.ts";

/** What a notification for a payment needs to name. */
export interface LoadPayment {
  paymentRequestId: string;
  paymentId: string;
  amount: { currency: string; value: string };
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

/** `count` payments no object holds, with ids unique to this call. */
export function unknownPayments(prefix: string, count: number): LoadPayment[] {
  const run = crypto.randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, i) => ({
    paymentRequestId: `${prefix}-${run}-${i}`,
    paymentId: `${run}${i}`,
    amount: { currency: "USD", value: "100" },
  }));
}

/**
 * Creates up to `count` Order Code payments in the demo store through `POST /api/payments`.
 * Fewer when the time cap cuts in or an attempt fails (a busy machine); only none is an error.
 */
export async function createLoadPayments(
  options: CreateLoadPaymentsOptions,
): Promise<LoadPayment[]> {
  const encoder = new TextEncoder();
  const requests: PreparedRequest[] = Array.from({ length: options.count }, (_, i) => ({
    method: "POST",
    path: "/api/payments",
    headers: {
      authorization: `Bearer ${options.apiKey}`,
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
  const { outcomes } = await runBurst({ ...options, requests });
  const created: LoadPayment[] = [];
  let lastFailure = "the time cap";
  for (const outcome of outcomes) {
    if (outcome.kind === "not-sent") continue;
    if (outcome.kind === "error") {
      lastFailure = outcome.message;
      continue;
    }
    const view =
      outcome.status === 201
        ? (JSON.parse(outcome.body) as Omit<LoadPayment, "paymentId"> & {
            paymentId: string | null;
          })
        : null;
    if (view === null || view.paymentId === null) {
      lastFailure = `${outcome.status} ${outcome.body}`;
      continue;
    }
    created.push({
      paymentRequestId: view.paymentRequestId,
      paymentId: view.paymentId,
      amount: view.amount,
    });
  }
  if (created.length === 0) throw new Error(`bench setup: no payment was created (${lastFailure})`);
  return created;
}
