/** Small HTTP helpers for talking to the Worker under test. */
import { createSignature, formatSignatureHeader } from "@ams-edge/core";
import type { CreatedPayment, PaymentView } from "@ams-edge/core/api";
import type { LocalStack } from "../../scripts/lib/local-stack.ts";

/** What the helpers need of a stack: where the Worker is, its API key and the provider keys. */
type Stack = Pick<LocalStack, "workerUrl" | "apiKey" | "clientId" | "alipayPrivateKey">;

/** A payment as the Worker's API shows it; answers that create one also carry a status token. */
export type View = PaymentView & { statusToken?: string };

/** A created payment: its view and status token. */
export type Created = CreatedPayment;

/** Calls the merchant API with the stack's API key. */
export async function merchant(
  stack: Stack,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; method?: string } = {},
): Promise<Response> {
  return fetch(`${stack.workerUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      authorization: `Bearer ${stack.apiKey}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Creates an Order Code payment in the demo store (with `idempotencyKey`, or a fresh one). */
export async function createPayment(
  stack: Stack,
  value: string,
  extra: Record<string, unknown> = {},
  idempotencyKey: string = crypto.randomUUID(),
): Promise<Created> {
  const response = await merchant(stack, "/api/payments", {
    body: {
      amount: { currency: "USD", value },
      description: "E2E order",
      storeId: "demo-store",
      ...extra,
    },
    headers: { "idempotency-key": idempotencyKey },
  });
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${await response.text()}`);
  return (await response.json()) as Created;
}

/** Reads a payment with its status token. */
export async function view(stack: Stack, created: Created): Promise<View> {
  const response = await fetch(
    `${stack.workerUrl}/api/payments/${created.paymentRequestId}?token=${created.statusToken}`,
  );
  if (response.status !== 200) throw new Error(`read: ${response.status} ${await response.text()}`);
  return (await response.json()) as View;
}

/** Polls the payment until `done` holds (at most `timeoutMs`); returns the last view. */
export async function waitForPayment(
  stack: Stack,
  created: Created,
  done: (view: View) => boolean,
  timeoutMs = 15_000,
): Promise<View> {
  const deadline = Date.now() + timeoutMs;
  let last = await view(stack, created);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`payment still ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await view(stack, created);
  }
  return last;
}

/** One entry of the payment's event log. */
export interface Entry {
  kind: string;
  data: Record<string, unknown>;
}

/** The payment's event log. */
export async function events(stack: Stack, id: string): Promise<Entry[]> {
  const response = await merchant(stack, `/api/payments/${id}/events`);
  if (response.status !== 200)
    throw new Error(`events: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { events: Entry[] }).events;
}

/** POSTs a notification body signed with the stack's provider key; `sentBody` tampers with it. */
export async function postNotification(
  stack: Stack,
  body: string,
  sentBody = body,
): Promise<Response> {
  const requestTime = new Date().toISOString();
  const signature = await createSignature(
    { method: "POST", path: "/alipay/notify", clientId: stack.clientId, requestTime, body },
    stack.alipayPrivateKey,
  );
  return fetch(`${stack.workerUrl}/alipay/notify`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=UTF-8",
      "client-id": stack.clientId,
      "request-time": requestTime,
      signature: formatSignatureHeader({ signature, keyVersion: 1 }),
    },
    body: sentBody,
  });
}
