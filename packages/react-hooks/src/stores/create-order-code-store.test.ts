import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { label } from "../testing/label.ts";
import { memoryStorage } from "../testing/memory-storage.ts";
import { createOrderCodeStore, type OrderCodeStoreOptions } from "./create-order-code-store.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");
const coffee = {
  amount: { currency: "USD", value: "599" },
  description: "Latte",
  storeId: "store-test",
};
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function setup(extra: Partial<OrderCodeStoreOptions> = {}) {
  const worker = createFakeWorker();
  const client = createWorkerClient({
    baseUrl: testBaseUrl,
    fetch: worker.fetch,
    WebSocket: worker.WebSocket,
    apiKey: testApiKey,
  });
  const storage = memoryStorage();
  let n = 0;
  const make = (more: Partial<OrderCodeStoreOptions> = {}) =>
    createOrderCodeStore({
      client,
      storage,
      createIdempotencyKey: () => `idem_test_${++n}`,
      random: () => 0.5,
      ...extra,
      ...more,
    });
  const store = make();
  const seen = [label(store.getSnapshot())];
  const stop = store.subscribe(() => seen.push(label(store.getSnapshot())));
  return { worker, client, storage, store, seen, stop, make };
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createOrderCodeStore", () => {
  it("creates with an idempotency key, shows the QR and remembers the payment", async () => {
    const { worker, store, storage, seen } = setup();
    await store.create(coffee);
    await advance(0);
    expect(seen).toStrictEqual([
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
    ]);
    const [post] = worker.callsTo("POST", "/api/payments");
    expect(post?.headers["idempotency-key"]).toBe("idem_test_1");
    expect(post?.headers.authorization).toBe(`Bearer ${testApiKey}`);
    expect(post?.body).toStrictEqual(coffee);
    const state = store.getSnapshot();
    expect(state.status === "awaiting_scan" && state.qr?.svg.startsWith("<svg")).toBe(true);
    expect(state.status === "awaiting_scan" && state.code?.value).toBe(
      "https://qr.test/p/prq_test_0001",
    );
    expect(JSON.parse(storage.data.get("ams-edge:order-code") ?? "null")).toStrictEqual({
      idempotencyKey: "idem_test_1",
      params: coffee,
      paymentRequestId: "prq_test_0001",
      statusToken: "tok_test_1",
    });
  });

  it("deduplicates create() with the same params: one payment", async () => {
    const { worker, store } = setup();
    const first = store.create(coffee);
    const second = store.create({ ...coffee, amount: { ...coffee.amount } });
    expect(second).toBe(first);
    await first;
    await store.create(coffee);
    expect(worker.callsTo("POST", "/api/payments").length).toBe(1);
  });

  it("refuses a different payment while one is in progress, and bad params", async () => {
    const { store } = setup();
    void store.create(coffee);
    expect(() => store.create({ ...coffee, description: "Tea" })).toThrow(
      new TypeError("A payment is already open; cancel() or reset() it first."),
    );
    expect(() => store.create({ ...coffee, amount: { currency: "USD", value: "5.99" } })).toThrow(
      TypeError,
    );
    expect(() => store.create({ ...coffee, amount: { currency: "USD", value: "0" } })).toThrow(
      TypeError,
    );
    expect(() => store.create({ ...coffee, storeId: "" })).toThrow(
      new TypeError(
        `create() expects { amount: { currency: "USD", value: "599" } (minor units, above 0), description, storeId }; got ${JSON.stringify({ ...coffee, storeId: "" })}.`,
      ),
    );
  });

  it("retries a failed creation with the same idempotency key", async () => {
    const { worker, store, seen } = setup();
    worker.goOffline();
    await store.create(coffee);
    worker.goOnline();
    await store.retry();
    await advance(0);
    expect(seen).toStrictEqual([
      "idle",
      "creating:connecting",
      "error:NETWORK",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
    ]);
    expect(
      worker.callsTo("POST", "/api/payments").map((c) => c.headers["idempotency-key"]),
    ).toStrictEqual(["idem_test_1", "idem_test_1"]);
  });

  it("cancels, waiting for a creation in flight first", async () => {
    const { worker, store, seen } = setup();
    void store.create(coffee);
    await store.cancel();
    expect(seen).toStrictEqual([
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "cancelled",
    ]);
    expect(worker.callsTo("POST", "/api/payments/prq_test_0001/cancel").length).toBe(1);
  });

  it("keeps the payment and rejects when a cancel fails", async () => {
    const { worker, store } = setup();
    await store.create(coffee);
    await advance(0);
    worker.goOffline();
    const error = await store.cancel().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "WorkerApiError", code: "NETWORK" });
    expect(store.getSnapshot().status).toBe("awaiting_scan");
  });

  it("reset() forgets the payment and ignores a creation still on its way", async () => {
    const { store, storage, seen } = setup();
    const pending = store.create(coffee);
    store.reset();
    await pending;
    await advance(1000);
    expect(seen).toStrictEqual(["idle", "creating:connecting", "idle"]);
    expect(storage.data.size).toBe(0);
  });

  it("resumes after a reload from storage", async () => {
    const { worker, store, stop, make } = setup();
    await store.create(coffee);
    stop();
    const reloaded = make();
    const seen = [label(reloaded.getSnapshot())];
    reloaded.subscribe(() => seen.push(label(reloaded.getSnapshot())));
    await advance(0);
    worker.set("prq_test_0001", "succeeded");
    expect(seen).toStrictEqual([
      "creating:connecting",
      "creating:live",
      "awaiting_scan:live:120",
      "succeeded",
    ]);
    expect(reloaded.getServerSnapshot()).toStrictEqual({ status: "idle" });
    await reloaded.create(coffee);
    expect(worker.callsTo("POST", "/api/payments").length).toBe(2);
  });

  it("sends a creation interrupted by a reload again with the same key: one payment", async () => {
    const { worker, store, stop, make } = setup();
    const pending = store.create(coffee);
    stop();
    await pending;
    const stored = JSON.parse(JSON.stringify({ idempotencyKey: "idem_test_1", params: coffee }));
    const storage = memoryStorage();
    storage.setItem("ams-edge:order-code", JSON.stringify(stored));
    const reloaded = make({ storage });
    expect(label(reloaded.getSnapshot())).toBe("creating:connecting");
    reloaded.subscribe(() => {});
    await advance(0);
    expect(reloaded.getSnapshot().status).toBe("awaiting_scan");
    expect(
      worker.callsTo("POST", "/api/payments").map((c) => c.headers["idempotency-key"]),
    ).toStrictEqual(["idem_test_1", "idem_test_1"]);
    expect(worker.payments.size).toBe(1);
  });

  it("follows the payment given as resume", async () => {
    const { worker, make } = setup();
    const { paymentRequestId, statusToken } = worker.seed({ amount: coffee.amount });
    const store = make({ resume: { paymentRequestId, statusToken } });
    expect(store.getServerSnapshot()).toStrictEqual({
      status: "creating",
      paymentRequestId: null,
      payment: null,
      connection: "connecting",
    });
    store.subscribe(() => {});
    await advance(0);
    expect(label(store.getSnapshot())).toBe("awaiting_scan:live:120");
  });

  it("retry() after expiry creates a new payment with a new key", async () => {
    const { worker, store, seen } = setup();
    await store.create(coffee);
    await advance(0);
    worker.set("prq_test_0001", "expired");
    await store.retry();
    await advance(0);
    expect(seen).toStrictEqual([
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "expired",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
    ]);
    expect(
      worker.callsTo("POST", "/api/payments").map((c) => c.headers["idempotency-key"]),
    ).toStrictEqual(["idem_test_1", "idem_test_2"]);
  });
});
