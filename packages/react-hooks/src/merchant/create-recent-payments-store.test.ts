import { describe, expect, it } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { createRecentPaymentsStore } from "./create-recent-payments-store.ts";

const usd = { currency: "USD", value: "599" };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createRecentPaymentsStore", () => {
  it("loads on the first subscriber, refunds once per tap, cancels a row", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const a = worker.seed({ amount: usd });
    const b = worker.seed({ amount: usd });
    worker.set(a.paymentRequestId, "succeeded");
    const store = createRecentPaymentsStore({
      client,
      query: { storeId: "store-test", limit: 2 },
      storage: null,
    });
    expect(worker.calls).toStrictEqual([]);
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.getSnapshot().status));
    await settle();
    expect(store.getSnapshot().payments.map((p) => p.paymentRequestId)).toStrictEqual([
      b.paymentRequestId,
      a.paymentRequestId,
    ]);
    const first = store.refund(a.paymentRequestId, usd, "damaged");
    expect(store.refund(a.paymentRequestId, usd, "damaged")).toBe(first);
    expect(await first).toStrictEqual({
      refundRequestId: "rfd_test_prq_test_0001_1",
      status: "processing",
      amount: usd,
    });
    const cancelled = await store.cancel(b.paymentRequestId);
    expect(store.getSnapshot().payments[0]).toStrictEqual(cancelled);
    // Ready again as the refund is stored, then answered; then the list loads; then the cancel.
    expect(statuses).toStrictEqual([
      "loading",
      "ready",
      "ready",
      "ready",
      "loading",
      "ready",
      "ready",
    ]);
    const refunds = worker.callsTo("POST", `/api/payments/${a.paymentRequestId}/refunds`);
    expect(refunds.map((c) => c.body)).toStrictEqual([{ amount: usd, reason: "damaged" }]);
    expect(refunds[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(worker.callsTo("GET", "/api/payments?").map((c) => c.path)).toStrictEqual([
      "/api/payments?storeId=store-test&limit=2",
      "/api/payments?storeId=store-test&limit=2",
    ]);
  });

  it("asks again about a flagged payment and updates its row", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const a = worker.seed({ amount: usd });
    const since = "2026-12-05T20:00:00.000Z";
    worker.set(a.paymentRequestId, "awaiting_payment", {
      attention: { reason: "CANCEL_UNANSWERED", since },
    });
    const store = createRecentPaymentsStore({ client, storage: null });
    store.subscribe(() => {});
    await settle();
    expect(store.getSnapshot().payments[0]?.attention).toStrictEqual({
      reason: "CANCEL_UNANSWERED",
      since,
    });
    const answered = await store.inquire(a.paymentRequestId);
    expect(answered.attention).toBeNull();
    expect(store.getSnapshot().payments).toStrictEqual([answered]);
    expect(worker.callsTo("POST", `/api/payments/${a.paymentRequestId}/inquire`)).toHaveLength(1);
  });

  it("keeps the rows and reports the error when a load fails", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: "sk_test_wrong",
    });
    const store = createRecentPaymentsStore({ client, storage: null });
    store.subscribe(() => {});
    await settle();
    const state = store.getSnapshot();
    expect([state.status, state.error?.code, state.payments]).toStrictEqual([
      "error",
      "HTTP_STATUS",
      [],
    ]);
  });
});
