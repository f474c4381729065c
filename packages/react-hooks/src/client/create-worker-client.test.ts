import { describe, expect, it, vi } from "vitest";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { createWorkerClient } from "./create-worker-client.ts";
import { isWorkerApiError, WorkerApiError } from "./worker-api-error.ts";

const usd = { currency: "USD", value: "599" };
const order = { amount: usd, description: "Latte", storeId: "store-test" };

function respond(status: number, body: string) {
  return vi.fn<typeof fetch>(async () => new Response(body, { status }));
}

async function failure(promise: Promise<unknown>): Promise<WorkerApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkerApiError))
    throw new Error(`expected a WorkerApiError, got ${String(error)}`);
  return error;
}

describe("createWorkerClient", () => {
  it("sends merchant calls with the API key, extra headers and the idempotency key", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: `${testBaseUrl}/`,
      fetch: worker.fetch,
      apiKey: async () => testApiKey,
      headers: () => ({ "x-terminal": "till-1" }),
    });
    const created = await client.createPayment(order, "idem_test_1");
    expect(created.statusToken).toBe("tok_test_1");
    expect(worker.calls[0]).toMatchObject({
      method: "POST",
      path: "/api/payments",
      headers: {
        authorization: `Bearer ${testApiKey}`,
        "content-type": "application/json",
        "idempotency-key": "idem_test_1",
        "x-terminal": "till-1",
      },
      body: order,
    });
  });

  it("reads a payment with its status token only", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const { statusToken, ...view } = worker.seed({ amount: usd });
    expect(await client.getPayment(view.paymentRequestId, statusToken)).toStrictEqual(view);
    expect(worker.calls[0]?.headers).toStrictEqual({ authorization: `Bearer ${statusToken}` });
  });

  it("cancels with the API key", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const { statusToken: _, ...view } = worker.seed({ amount: usd });
    const cancelled = await client.cancelPayment(view.paymentRequestId);
    expect(cancelled).toStrictEqual({
      ...view,
      status: "cancelled",
      version: 2,
      updatedAt: cancelled.updatedAt,
    });
    expect(worker.calls[0]?.path).toBe("/api/payments/prq_test_0001/cancel");
  });

  it("creates Entry Code payments without credentials", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const created = await client.createEntryPayment("store 1", usd);
    expect(created.redirectUrl).toBe("alipays://platformapi/startApp?pay=prq_test_0001");
    expect(worker.calls[0]?.path).toBe("/api/entry/store%201/payments");
    expect(worker.calls[0]?.headers.authorization).toBe(undefined);
  });

  it("reports the Worker's error code and message", async () => {
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: respond(
        422,
        JSON.stringify({ error: { code: "AMOUNT_TOO_LARGE", message: "At most 500.00 USD" } }),
      ),
    });
    const error = await failure(client.createPayment(order));
    expect([error.code, error.status, error.serverCode, error.transient]).toStrictEqual([
      "HTTP_STATUS",
      422,
      "AMOUNT_TOO_LARGE",
      false,
    ]);
    expect(error.message).toBe("POST /api/payments: HTTP 422 AMOUNT_TOO_LARGE: At most 500.00 USD");
    expect(isWorkerApiError(error)).toBe(true);
  });

  it("marks 5xx, network failures and timeouts as transient", async () => {
    const bad = createWorkerClient({ baseUrl: testBaseUrl, fetch: respond(503, "") });
    const e503 = await failure(bad.getPayment("p", "t"));
    expect([e503.code, e503.message, e503.transient]).toStrictEqual([
      "HTTP_STATUS",
      "GET /api/payments/p: HTTP 503",
      true,
    ]);
    const down = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const network = await failure(down.getPayment("p", "t"));
    expect([network.code, network.message]).toStrictEqual([
      "NETWORK",
      "GET /api/payments/p: no answer (TypeError: Failed to fetch); check baseUrl, then retry.",
    ]);
    // In a page (which has an origin), a failed call may also be a refused CORS preflight.
    vi.stubGlobal("origin", "http://localhost:3000");
    try {
      const refused = await failure(down.getPayment("p", "t"));
      expect([refused.code, refused.message, refused.transient]).toStrictEqual([
        "NETWORK",
        "GET /api/payments/p: no answer: the Worker may be down, or it refused this page's origin (CORS): allow http://localhost:3000; check baseUrl, then retry.",
        true,
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
    vi.useFakeTimers();
    try {
      const hung = createWorkerClient({
        baseUrl: testBaseUrl,
        timeoutMs: 500,
        fetch: (_input, init) =>
          new Promise((_, reject) =>
            init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
          ),
      });
      const pending = failure(hung.getPayment("p", "t"));
      await vi.advanceTimersByTimeAsync(500);
      const timeout = await pending;
      expect([timeout.code, timeout.message, timeout.transient]).toStrictEqual([
        "TIMEOUT",
        "GET /api/payments/p: no answer within 500 ms; check baseUrl, then retry.",
        true,
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a 2xx that is not a payment", async () => {
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: respond(200, JSON.stringify({ ok: true })),
    });
    const error = await failure(client.getPayment("p", "t"));
    expect([error.code, error.message]).toStrictEqual([
      "RESPONSE_MALFORMED",
      "GET /api/payments/p: not a Worker API answer; update the Worker and hooks together.",
    ]);
  });

  it("opens the live socket on the ws(s) URL, or returns null without a constructor", () => {
    const urls: string[] = [];
    class Recorder {
      onopen = null;
      onmessage = null;
      onclose = null;
      onerror = null;
      constructor(url: string) {
        urls.push(url);
      }
      close() {}
    }
    const client = createWorkerClient({ baseUrl: testBaseUrl, WebSocket: Recorder });
    expect(client.openLive("prq 1", "tok&1")).toBeInstanceOf(Recorder);
    expect(urls).toStrictEqual(["wss://worker.test/api/payments/prq%201/live?token=tok%261"]);
    const local = createWorkerClient({ baseUrl: "http://127.0.0.1:8787", WebSocket: Recorder });
    local.openLive("p", "t");
    expect(urls[1]).toBe("ws://127.0.0.1:8787/api/payments/p/live?token=t");
    expect(createWorkerClient({ baseUrl: testBaseUrl, WebSocket: null }).openLive("p", "t")).toBe(
      null,
    );
  });
});
