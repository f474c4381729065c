import { exports } from "cloudflare:workers";
import type { PaymentView } from "../../src/payment-object/payment-view.ts";
import { TEST_API_KEY, TEST_PUBLIC_BASE_URL } from "../fixtures/test-config.ts";

/** A request to the Worker under test, through its own fetch handler. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${TEST_PUBLIC_BASE_URL}${path}`, init));
}

/** A merchant API call with the test API key and, when given, a JSON body. */
export function merchant(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return call(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      authorization: `Bearer ${TEST_API_KEY}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** A created payment as the API answers it. */
export type CreatedPayment = PaymentView & { statusToken: string };

/** Creates an Order Code payment in the test store and returns the answer's body. */
export async function createOrderCode(
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<CreatedPayment> {
  const response = await merchant("/api/payments", {
    body: {
      amount: { currency: "USD", value: "1250" },
      description: "Two flat whites",
      storeId: "test-store",
      ...body,
    },
    headers,
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`create failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as CreatedPayment;
}

/** Reads a payment with its status token. */
export async function readPayment(id: string, token: string): Promise<PaymentView> {
  const response = await call(`/api/payments/${id}?token=${encodeURIComponent(token)}`);
  if (response.status !== 200)
    throw new Error(`read failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as PaymentView;
}

/** One entry of a payment's event log, as `GET /api/payments/:id/events` shows it. */
export interface LoggedEntry {
  seq: number;
  at: number;
  kind: string;
  data: Record<string, unknown>;
}

/** The payment's event log through the merchant API. */
export async function eventsOf(id: string): Promise<LoggedEntry[]> {
  const response = await merchant(`/api/payments/${id}/events`);
  if (response.status !== 200)
    throw new Error(`events failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { events: LoggedEntry[] }).events;
}
