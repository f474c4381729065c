import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { memoryStorage } from "../testing/memory-storage.ts";
import {
  createRecentPaymentsStore,
  type RecentPaymentsStoreOptions,
} from "./create-recent-payments-store.ts";
import { isRefundInProgressError } from "./refund-in-progress-error.ts";

// One refund the cashier asks for keeps one Idempotency-Key until it has a final answer.

const start = Date.parse("2026-03-01T09:00:00.000Z");
const paid = { currency: "USD", value: "730" };
const four = { currency: "USD", value: "400" };
const two = { currency: "USD", value: "200" };
const reason = "Refunded at the till";
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function setup(extra: Partial<RecentPaymentsStoreOptions> = {}) {
  const worker = createFakeWorker();
  const client = createWorkerClient({
    baseUrl: testBaseUrl,
    fetch: worker.fetch,
    apiKey: testApiKey,
  });
  const storage = memoryStorage();
  const { paymentRequestId: id } = worker.seed({ amount: paid });
  worker.set(id, "succeeded");
  let n = 0;
  /** A store as a till page makes it; calling it again plays a reload of the page. */
  const open = () => {
    const store = createRecentPaymentsStore({
      client,
      storage,
      createIdempotencyKey: () => `idem_test_${++n}`,
      ...extra,
    });
    store.subscribe(() => {});
    return store;
  };
  const store = open();
  /** The key of every refund request, in order. */
  const keys = () =>
    worker.callsTo("POST", `/api/payments/${id}/refunds`).map((c) => c.headers["idempotency-key"]);
  const stored = () => JSON.parse(storage.data.get("ams-edge:refunds") ?? "[]");
  return { worker, storage, id, store, open, keys, stored };
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("refund keys", () => {
  it("stores the refund before sending it, and sends the same key after a timeout", async () => {
    const { worker, id, store, keys, stored } = setup();
    worker.nextRefunds("hang");
    const first = store.refund(id, four, reason);
    const outcome = first.catch((error: unknown) => error);
    const intent = {
      idempotencyKey: "idem_test_1",
      paymentRequestId: id,
      amount: four,
      reason,
      status: "unanswered",
      refundRequestId: null,
      createdAt: start,
    };
    // Durable before the request leaves: a reload now would send the same key.
    expect(stored()).toStrictEqual([intent]);
    await advance(15_000);
    expect(await outcome).toMatchObject({ code: "TIMEOUT" });
    expect(store.getSnapshot().refunds).toStrictEqual([intent]);

    const second = await store.refund(id, four, reason);
    expect(second).toStrictEqual({
      refundRequestId: `rfd_test_${id}_1`,
      status: "processing",
      amount: four,
    });
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_1"]);
    expect(worker.refunds.map((r) => [r.idempotencyKey, r.amount])).toStrictEqual([
      ["idem_test_1", four],
    ]);
  });

  it("sends the same key after a 5xx and a network error, then retires it on success", async () => {
    const { worker, id, store, keys, stored } = setup();
    worker.nextRefunds({ status: 502, code: "GATEWAY_UNAVAILABLE" });
    await expect(store.refund(id, four, reason)).rejects.toMatchObject({
      code: "HTTP_STATUS",
      status: 502,
    });
    worker.goOffline();
    await expect(store.refund(id, four, reason)).rejects.toMatchObject({ code: "NETWORK" });
    worker.goOnline();
    worker.nextRefunds("succeeded");
    expect((await store.refund(id, four, reason)).status).toBe("succeeded");
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_1", "idem_test_1"]);
    expect([store.getSnapshot().refunds, stored()]).toStrictEqual([[], []]);

    // The same amount again, after a final answer, is a new refund with a new key.
    worker.nextRefunds("succeeded");
    await store.refund(id, four, reason);
    expect(keys().at(-1)).toBe("idem_test_2");
    expect(worker.refunds.map((r) => r.idempotencyKey)).toStrictEqual([
      "idem_test_1",
      "idem_test_2",
    ]);
  });

  it("sends the same key after a reload of the page", async () => {
    const { worker, id, open, keys } = setup();
    worker.nextRefunds("hang");
    const before = open();
    void before.refund(id, four, reason).catch(() => {});
    // The page reloads while the request is on its way (and the cashier taps again).
    const after = open();
    expect(after.getSnapshot().refunds.map((r) => [r.idempotencyKey, r.status])).toStrictEqual([
      ["idem_test_1", "unanswered"],
    ]);
    await after.refund(id, four, reason);
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_1"]);
    expect(worker.refunds).toHaveLength(1);
  });

  it("keeps the key while the refund is processing, and retires it once it settles", async () => {
    const { worker, id, store, keys } = setup();
    expect((await store.refund(id, four, reason)).status).toBe("processing");
    expect(store.getSnapshot().refunds.map((r) => [r.status, r.refundRequestId])).toStrictEqual([
      ["processing", `rfd_test_${id}_1`],
    ]);
    expect((await store.refund(id, four, reason)).status).toBe("processing");
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_1"]);

    // The Worker settles it on its own; the list shows it, and the key is retired.
    worker.set(id, "succeeded", {
      refunds: [{ refundRequestId: `rfd_test_${id}_1`, status: "succeeded", amount: four }],
    });
    await store.refresh();
    expect(store.getSnapshot().refunds).toStrictEqual([]);
  });

  it("retires the key when the Worker refuses the refund outright", async () => {
    const { worker, id, store, keys } = setup();
    worker.nextRefunds({ status: 422, code: "REFUND_AMOUNT_EXCEEDED" });
    await expect(store.refund(id, four, reason)).rejects.toMatchObject({
      serverCode: "REFUND_AMOUNT_EXCEEDED",
    });
    expect(store.getSnapshot().refunds).toStrictEqual([]);
    await store.refund(id, four, reason);
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_2"]);
  });

  it("refuses another amount while a refund of the payment is open, unless asked", async () => {
    const { worker, id, store, keys } = setup();
    worker.nextRefunds("hang");
    const first = store.refund(id, four, reason).catch(() => null);
    const other = await store.refund(id, two, reason).catch((error: unknown) => error);
    expect(isRefundInProgressError(other)).toBe(true);
    expect(other).toMatchObject({
      code: "REFUND_IN_PROGRESS",
      pending: { idempotencyKey: "idem_test_1", amount: four },
    });
    await advance(15_000);
    await first;
    expect(keys()).toStrictEqual(["idem_test_1"]);

    // Another reason is another refund too; `alongside` starts it with its own key.
    await expect(store.refund(id, four, "damaged")).rejects.toMatchObject({
      code: "REFUND_IN_PROGRESS",
    });
    await store.refund(id, two, reason, { alongside: true });
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_2"]);
    expect(store.getSnapshot().refunds.map((r) => [r.idempotencyKey, r.amount])).toStrictEqual([
      ["idem_test_1", four],
      ["idem_test_2", two],
    ]);
  });

  it("keeps refunds in memory when there is no storage", async () => {
    const { worker, id, store, keys } = setup({ storage: null });
    worker.nextRefunds({ status: 503, code: "INTERNAL" });
    await expect(store.refund(id, four, reason)).rejects.toMatchObject({ status: 503 });
    await store.refund(id, four, reason);
    expect(keys()).toStrictEqual(["idem_test_1", "idem_test_1"]);
  });
});
