import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkerClient, type WorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testBaseUrl } from "../testing/fake-worker.ts";
import { label } from "../testing/label.ts";
import { usePaymentStatus } from "./use-payment-status.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");
const usd = { currency: "USD", value: "599" };

function Probe(props: {
  id: string | null;
  token: string | null;
  client: WorkerClient;
  states: string[];
}) {
  const state = usePaymentStatus(props.id, props.token, {
    client: props.client,
    random: () => 0.5,
  });
  props.states.push(label(state));
  return null;
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("usePaymentStatus", () => {
  it("is idle without an id, follows once given one, and starts over on a new id", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      WebSocket: worker.WebSocket,
    });
    const a = worker.seed({ amount: usd });
    const b = worker.seed({ amount: usd });
    const states: string[] = [];
    const props = { client, states };
    const view = render(<Probe id={null} token={null} {...props} />);
    view.rerender(<Probe id={a.paymentRequestId} token={a.statusToken} {...props} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(async () => void worker.set(a.paymentRequestId, "succeeded"));
    view.rerender(<Probe id={b.paymentRequestId} token={b.statusToken} {...props} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    view.unmount();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(states).toStrictEqual([
      "idle",
      "creating:connecting",
      "awaiting_scan:live:120",
      "succeeded",
      "creating:connecting",
      "awaiting_scan:live:120",
    ]);
    expect(worker.sockets.map((s) => s.readyState)).toStrictEqual([3, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
