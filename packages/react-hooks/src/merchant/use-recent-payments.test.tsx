import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient, type WorkerClient } from "../client/create-worker-client.ts";
import type { PaymentStorage } from "../stores/payment-storage.ts";
import { expectRenderedStates } from "../testing/expect-states.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { memoryStorage } from "../testing/memory-storage.ts";
import type { RefundIntent } from "./refund-intents.ts";
import { type RecentPayments, useRecentPayments } from "./use-recent-payments.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");
const paid = { currency: "USD", value: "730" };
const two = { currency: "USD", value: "200" };

function Probe(props: {
  client: WorkerClient;
  storage: PaymentStorage;
  states: string[];
  api: { current?: RecentPayments };
}) {
  const recent = useRecentPayments({}, { client: props.client, storage: props.storage });
  props.api.current = recent;
  const { state } = recent;
  props.states.push(`${state.status}:${state.refunds.map((r) => r.status).join(",") || "-"}`);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useRecentPayments", () => {
  it("shows a refund left unanswered before a reload, and checks it with the same key", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const { paymentRequestId } = worker.seed({ amount: paid });
    worker.set(paymentRequestId, "succeeded");
    const left: RefundIntent = {
      idempotencyKey: "idem_before_reload",
      paymentRequestId,
      amount: two,
      reason: "Refunded at the till",
      status: "unanswered",
      refundRequestId: null,
      createdAt: start - 60_000,
    };
    const storage = memoryStorage();
    storage.setItem("ams-edge:refunds", JSON.stringify([left]));
    const states: string[] = [];
    const api: { current?: RecentPayments } = {};
    render(<Probe client={client} storage={storage} states={states} api={api} />);
    await act(() => vi.advanceTimersByTimeAsync(0));

    worker.nextRefunds("succeeded");
    const answer = await act(() =>
      api.current?.refund(paymentRequestId, two, "Refunded at the till"),
    );
    expect(answer?.status).toBe("succeeded");
    expect(
      worker
        .callsTo("POST", `/api/payments/${paymentRequestId}/refunds`)
        .map((c) => [c.headers["idempotency-key"], c.body]),
    ).toStrictEqual([["idem_before_reload", { amount: two, reason: "Refunded at the till" }]]);
    expect(storage.data.has("ams-edge:refunds")).toBe(false);
    expectRenderedStates(states, [
      "loading:-",
      "loading:unanswered",
      "ready:unanswered",
      // Retired, then the list loads again in the same step.
      "loading:-",
      "ready:-",
    ]);
  });
});
