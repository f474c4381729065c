import type { AmsEdgeError } from "@ams-edge/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testBaseUrl } from "../testing/fake-worker.ts";
import {
  createEntryCheckoutStore,
  type EntryCheckoutState,
} from "./create-entry-checkout-store.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");

function describeState(state: EntryCheckoutState): string {
  switch (state.status) {
    case "editing":
      return `editing:${state.input}:${state.amount?.value ?? state.inputError?.code}`;
    case "redirected":
      return `redirected:${state.payment.paymentRequestId}:${state.statusToken}`;
    case "error":
      return `error:${state.error.code}`;
    default:
      return `${state.status}:${state.amount.value}`;
  }
}

function setup() {
  const worker = createFakeWorker();
  const client = createWorkerClient({
    baseUrl: testBaseUrl,
    fetch: worker.fetch,
    WebSocket: worker.WebSocket,
  });
  const navigate = vi.fn<(url: string) => void>();
  const store = createEntryCheckoutStore({
    client,
    storeId: "store-test",
    currency: "USD",
    limits: { max: "50000" },
    navigate,
  });
  const seen = [describeState(store.getSnapshot())];
  store.subscribe(() => seen.push(describeState(store.getSnapshot())));
  return { worker, store, navigate, seen };
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createEntryCheckoutStore", () => {
  it("checks the amount, submits once and redirects to the wallet", async () => {
    const { worker, store, navigate, seen } = setup();
    store.press("1");
    store.press("2");
    store.press(".");
    store.press("5");
    const first = store.submit();
    expect(store.submit()).toBe(first);
    await first;
    expect(seen).toStrictEqual([
      "editing::AMOUNT_EMPTY",
      "editing:1:100",
      "editing:12:1200",
      "editing:12.:1200",
      "editing:12.5:1250",
      "submitting:1250",
      "redirected:prq_test_0001:tok_test_1",
    ]);
    expect(navigate.mock.calls).toStrictEqual([
      ["alipays://platformapi/startApp?pay=prq_test_0001"],
    ]);
    expect(
      worker.callsTo("POST", "/api/entry/store-test/payments").map((c) => c.body),
    ).toStrictEqual([{ amount: { currency: "USD", value: "1250" } }]);
  });

  it("does not submit an invalid amount", async () => {
    const { worker, store, seen } = setup();
    store.setInput("600");
    await store.submit();
    expect(seen).toStrictEqual(["editing::AMOUNT_EMPTY", "editing:600:AMOUNT_TOO_LARGE"]);
    expect(worker.calls).toStrictEqual([]);
  });

  it("refuses an unknown currency before anything is sent", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({ baseUrl: testBaseUrl, fetch: worker.fetch });
    const store = createEntryCheckoutStore({ client, storeId: "store-test", currency: "XYZ" });
    store.setInput("5");
    await store.submit();
    const state = store.getSnapshot();
    const error = state.status === "editing" ? state.inputError : null;
    expect([
      state.status,
      error?.code,
      error?.message,
      (error?.cause as AmsEdgeError | undefined)?.code,
    ]).toStrictEqual([
      "editing",
      "AMOUNT_INVALID",
      '"5" is not a valid XYZ amount.',
      "CURRENCY_UNKNOWN",
    ]);
    expect(() => store.press("1")).toThrow(
      expect.objectContaining({ name: "AmountError", code: "CURRENCY_UNKNOWN" }),
    );
    expect(worker.calls).toStrictEqual([]);
  });

  it("shows the Worker's refusal and recovers on the next edit", async () => {
    const { worker, store, navigate, seen } = setup();
    store.setInput("5");
    worker.goOffline();
    await store.submit();
    store.setInput("6");
    store.reset();
    expect(seen).toStrictEqual([
      "editing::AMOUNT_EMPTY",
      "editing:5:500",
      "submitting:500",
      "error:NETWORK",
      "editing:6:600",
      "editing::AMOUNT_EMPTY",
    ]);
    expect(navigate).not.toHaveBeenCalled();
  });
});
