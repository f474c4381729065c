import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import type { PaymentScreenState } from "../state/payment-state.ts";
import { createFakeWorker, testBaseUrl } from "../testing/fake-worker.ts";
import { label } from "../testing/label.ts";
import { createPaymentStore, type PaymentStoreOptions } from "./create-payment-store.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");
const usd = { currency: "USD", value: "599" };

function setup(options: { expiresInSeconds?: number; initial?: boolean } = {}) {
  const worker = createFakeWorker();
  const client = createWorkerClient({
    baseUrl: testBaseUrl,
    fetch: worker.fetch,
    WebSocket: worker.WebSocket,
  });
  const seeded = worker.seed({
    amount: usd,
    ...(options.expiresInSeconds ? { expiresInSeconds: options.expiresInSeconds } : {}),
  });
  const { statusToken, ...view } = seeded;
  const make = (extra: Partial<PaymentStoreOptions> = {}) =>
    createPaymentStore({
      client,
      paymentRequestId: view.paymentRequestId,
      statusToken,
      random: () => 0.5,
      ...(options.initial ? { initial: view } : {}),
      ...extra,
    });
  return { worker, client, id: view.paymentRequestId, view, make };
}

function record(store: {
  getSnapshot(): PaymentScreenState;
  subscribe(l: () => void): () => void;
}) {
  const seen = [label(store.getSnapshot())];
  const stop = store.subscribe(() => seen.push(label(store.getSnapshot())));
  return { seen, stop };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createPaymentStore", () => {
  it("does nothing before the first subscriber", async () => {
    const { worker, make } = setup();
    const store = make();
    await advance(10_000);
    expect(store.getSnapshot()).toBe(store.getServerSnapshot());
    expect(label(store.getSnapshot())).toBe("creating:connecting");
    expect(worker.calls).toStrictEqual([]);
    expect(worker.sockets).toStrictEqual([]);
  });

  it("follows live until paid, then closes the socket and stops all timers", async () => {
    const { worker, id, make } = setup();
    const store = make();
    const { seen } = record(store);
    await advance(0);
    worker.set(id, "succeeded");
    await advance(120_000);
    expect(seen).toStrictEqual([
      "creating:connecting",
      "creating:live",
      "awaiting_scan:live:120",
      "succeeded",
    ]);
    expect(worker.calls).toStrictEqual([]);
    expect(worker.sockets.map((s) => s.readyState)).toStrictEqual([3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("maps declined, reversed and mismatch payments", async () => {
    for (const [status, expected] of [
      ["failed", "failed:USER_BALANCE_NOT_ENOUGH"],
      ["reversed", "cancelled:reversed"],
      ["mismatch", "error:PAYMENT_MISMATCH"],
    ] as const) {
      const { worker, id, make } = setup({ initial: true });
      const store = make();
      const { seen } = record(store);
      await advance(0);
      worker.set(id, status, {
        resultCode: status === "failed" ? "USER_BALANCE_NOT_ENOUGH" : null,
      });
      expect(seen).toStrictEqual([
        "awaiting_scan:connecting:120",
        "awaiting_scan:live:120",
        expected,
      ]);
    }
  });

  it("a mismatch carries the flagged payment and says it is not paid", async () => {
    const { worker, id, make } = setup({ initial: true });
    const store = make();
    record(store);
    await advance(0);
    const flagged = worker.set(id, "mismatch");
    const state = store.getSnapshot();
    expect(state.status === "error" && state.error.code).toBe("PAYMENT_MISMATCH");
    expect(state.status === "error" && state.payment).toStrictEqual(flagged);
    expect(state.status === "error" && state.error.message).toBe(
      `Payment ${id} was paid in another amount or currency than ordered, so it is NOT paid; cancel it to return the money.`,
    );
  });

  it("polls every 2 s for a minute then every 10 s while the socket is refused, reconnecting with jittered backoff", async () => {
    const { worker, id, make } = setup({ initial: true });
    worker.refuseSockets(true);
    const { seen } = record(make());
    await advance(80_500);
    const gets = worker.callsTo("GET", `/api/payments/${id}`).map((c) => c.at - start);
    const fast = Array.from({ length: 30 }, (_, i) => (i + 1) * 2000);
    expect(gets).toStrictEqual([...fast, 70_000, 80_000]);
    const sockets = worker.sockets;
    const waits = sockets
      .slice(1)
      .map((s, i) => s.createdAt - (sockets[i]?.closedAt ?? Number.NaN));
    // Equal jitter with random() = 0.5: three quarters of 1, 2, 4, 8, 16, then 30 (the cap) seconds.
    expect(waits).toStrictEqual([750, 1500, 3000, 6000, 12_000, 22_500, 22_500]);
    worker.set(id, "succeeded");
    await advance(30_000);
    expect(worker.callsTo("GET", `/api/payments/${id}`).at(-1)?.at).toBe(start + 90_000);
    expect(seen.slice(0, 3)).toStrictEqual([
      "awaiting_scan:connecting:120",
      "awaiting_scan:connecting:119",
      "awaiting_scan:polling:118",
    ]);
    expect(seen.at(-1)).toBe("succeeded");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("loads at once when resuming with no socket constructor at all", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      WebSocket: null,
    });
    const { statusToken, paymentRequestId } = worker.seed({ amount: usd });
    const store = createPaymentStore({ client, paymentRequestId, statusToken });
    const { seen } = record(store);
    await advance(0);
    expect(seen).toStrictEqual(["creating:connecting", "awaiting_scan:polling:120"]);
    expect(worker.sockets).toStrictEqual([]);
  });

  it("survives a network loss: offline while polls fail, live again after the online event", async () => {
    const { worker, id, make } = setup({ initial: true });
    const { seen } = record(make());
    await advance(0);
    worker.goOffline();
    await advance(0);
    await advance(3000);
    worker.goOnline();
    globalThis.dispatchEvent(new Event("online"));
    await advance(0);
    worker.set(id, "succeeded");
    expect(seen).toStrictEqual([
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "awaiting_scan:connecting:120",
      "awaiting_scan:offline:120",
      "awaiting_scan:offline:119",
      "awaiting_scan:offline:118",
      "awaiting_scan:offline:117",
      "awaiting_scan:polling:117",
      "awaiting_scan:live:117",
      "succeeded",
    ]);
  });

  it("resyncs when the page becomes visible", async () => {
    const { worker, id, make } = setup({ initial: true });
    record(make());
    await advance(0);
    document.dispatchEvent(new Event("visibilitychange"));
    await advance(0);
    expect(worker.callsTo("GET", `/api/payments/${id}`).map((c) => c.at)).toStrictEqual([start]);
  });

  it("ticks the countdown and asks the Worker at expiry", async () => {
    const { worker, id, make } = setup({ initial: true, expiresInSeconds: 3 });
    const { seen } = record(make());
    await advance(3000);
    expect(worker.callsTo("GET", `/api/payments/${id}`).map((c) => c.at - start)).toStrictEqual([
      3000,
    ]);
    worker.set(id, "expired");
    expect(seen).toStrictEqual([
      "awaiting_scan:connecting:3",
      "awaiting_scan:live:3",
      "awaiting_scan:live:2",
      "awaiting_scan:live:1",
      "awaiting_scan:live:0",
      "expired",
    ]);
  });

  it("ignores stale and foreign messages", async () => {
    const { worker, id, view, make } = setup();
    const store = make();
    const { seen } = record(store);
    await advance(0);
    worker.set(id, "awaiting_payment");
    const socket = worker.openSockets()[0];
    socket?.receive({ type: "payment", payment: { ...view, status: "succeeded", version: 1 } });
    socket?.receive({
      type: "payment",
      payment: { ...view, paymentRequestId: "other", status: "succeeded", version: 9 },
    });
    socket?.receive({ type: "hello" });
    socket?.receive("not json");
    expect(seen).toStrictEqual([
      "creating:connecting",
      "creating:live",
      "awaiting_scan:live:120",
      "awaiting_scan:live:120",
    ]);
    const state = store.getSnapshot();
    expect(state.status === "awaiting_scan" && state.payment.version).toBe(2);
  });

  it("turns a refused status token into an error and stops", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      WebSocket: null,
    });
    const { paymentRequestId } = worker.seed({ amount: usd });
    const store = createPaymentStore({ client, paymentRequestId, statusToken: "tok_wrong" });
    const { seen } = record(store);
    await advance(60_000);
    expect(seen).toStrictEqual(["creating:connecting", "error:HTTP_STATUS"]);
    expect(worker.calls.length).toBe(1);
    const state = store.getSnapshot();
    expect(state.status === "error" && state.error.message).toBe(
      `GET /api/payments/${paymentRequestId}: HTTP 401 UNAUTHORIZED: Bad status token.`,
    );
  });

  it("stops when the last subscriber leaves and starts again on the next", async () => {
    const { worker, make } = setup({ initial: true });
    const store = make();
    const first = record(store);
    await advance(0);
    first.stop();
    await advance(0);
    expect(worker.sockets.map((s) => s.closedByClient)).toStrictEqual([
      { code: 1000, reason: "done" },
    ]);
    expect(vi.getTimerCount()).toBe(0);
    record(store);
    await advance(0);
    expect(worker.openSockets().length).toBe(1);
  });

  it("retry() reads a flagged payment again", async () => {
    const { worker, id, make } = setup({ initial: true });
    const store = make();
    const { seen } = record(store);
    await advance(0);
    worker.set(id, "mismatch");
    worker.set(id, "reversed");
    store.retry();
    await advance(0);
    expect(seen).toStrictEqual([
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "error:PAYMENT_MISMATCH",
      "cancelled:reversed",
    ]);
  });
});
