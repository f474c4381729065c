import { act, cleanup, render } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PaymentStorage } from "../stores/payment-storage.ts";
import { expectRenderedStates } from "../testing/expect-states.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { label } from "../testing/label.ts";
import { AmsProvider } from "./ams-provider.tsx";
import {
  type OrderCodePayment,
  type UseOrderCodePaymentOptions,
  useOrderCodePayment,
} from "./use-order-code-payment.ts";

const start = Date.parse("2026-03-01T09:00:00.000Z");
const coffee = {
  amount: { currency: "USD", value: "599" },
  description: "Latte",
  storeId: "store-test",
};
type Worker = ReturnType<typeof createFakeWorker>;

function Probe(props: {
  options: UseOrderCodePaymentOptions;
  onRender: (payment: OrderCodePayment) => void;
}) {
  props.onRender(useOrderCodePayment({ random: () => 0.5, ...props.options }));
  return null;
}

function AutoCharge(props: { onStatus: (status: string) => void }) {
  const { state, create } = useOrderCodePayment({ storage: null });
  props.onStatus(state.status);
  useEffect(() => {
    void create(coffee);
  }, [create]);
  return null;
}

function Orphan() {
  useOrderCodePayment();
  return null;
}

/** Renders the hook under a provider wired to the fake Worker; records the label of every render. */
function mount(
  worker: Worker,
  options: UseOrderCodePaymentOptions = {},
  { storage = null }: { storage?: PaymentStorage | null | "sessionStorage" } = {},
) {
  const states: string[] = [];
  const api: { current: OrderCodePayment | null } = { current: null };
  const onRender = (payment: OrderCodePayment) => {
    api.current = payment;
    states.push(label(payment.state));
  };
  const view = render(
    <AmsProvider
      baseUrl={testBaseUrl}
      fetch={worker.fetch}
      WebSocket={worker.WebSocket}
      apiKey={testApiKey}
      {...(storage === "sessionStorage" ? {} : { storage })}
    >
      <Probe options={options} onRender={onRender} />
    </AmsProvider>,
  );
  const use = () => {
    if (!api.current) throw new Error("not rendered");
    return api.current;
  };
  return { states, use, ...view };
}

/** Runs `fn` inside act, then lets timers due now and pending promises settle. */
async function step(fn: () => unknown = () => {}, ms = 0) {
  await act(async () => {
    await fn();
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.useRealTimers();
});

describe("useOrderCodePayment", () => {
  it("paid: creating, awaiting the scan live, succeeded", async () => {
    const worker = createFakeWorker();
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() => worker.set("prq_test_0001", "succeeded"));
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "succeeded",
    ]);
  });

  it("declined: failed with the wallet's result code", async () => {
    const worker = createFakeWorker();
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() =>
      worker.set("prq_test_0001", "failed", { resultCode: "USER_BALANCE_NOT_ENOUGH" }),
    );
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "failed:USER_BALANCE_NOT_ENOUGH",
    ]);
  });

  it("expired: the countdown runs out and the Worker closes the payment", async () => {
    const worker = createFakeWorker({ expiresInSeconds: 2 });
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() => {}, 2000);
    await step(() => worker.set("prq_test_0001", "expired"));
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:2",
      "awaiting_scan:live:2",
      "awaiting_scan:live:1",
      "awaiting_scan:live:0",
      "expired",
    ]);
  });

  it("cancelled: cancel() closes it; a paid one cancelled is reversed", async () => {
    const worker = createFakeWorker();
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() => use().cancel());
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "cancelled",
    ]);

    const second = createFakeWorker();
    const reversed = mount(second);
    await step(() => reversed.use().create(coffee));
    await step(() => second.set("prq_test_0001", "reversed"));
    expect(reversed.states.at(-1)).toBe("cancelled:reversed");
  });

  it("network loss and recovery: offline while unreachable, live again after `online`", async () => {
    const worker = createFakeWorker();
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() => worker.goOffline());
    await step(() => {}, 1000);
    await step(() => {
      worker.goOnline();
      window.dispatchEvent(new Event("online"));
    });
    await step(() => worker.set("prq_test_0001", "succeeded"));
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:live:120",
      "awaiting_scan:connecting:120",
      "awaiting_scan:offline:120",
      "awaiting_scan:offline:119",
      "awaiting_scan:polling:119",
      "awaiting_scan:live:119",
      "succeeded",
    ]);
  });

  it("socket refused: polling takes over and sees the payment", async () => {
    const worker = createFakeWorker();
    worker.refuseSockets(true);
    const { states, use } = mount(worker);
    await step(() => use().create(coffee));
    await step(() => {}, 2000);
    await step(() => worker.set("prq_test_0001", "succeeded"));
    await step(() => {}, 2000);
    expectRenderedStates(states, [
      "idle",
      "creating:connecting",
      "awaiting_scan:connecting:120",
      "awaiting_scan:connecting:119",
      "awaiting_scan:polling:118",
      "awaiting_scan:polling:117",
      "succeeded",
    ]);
    expect(
      worker.callsTo("GET", "/api/payments/prq_test_0001").map((c) => c.at - start),
    ).toStrictEqual([2000, 4000]);
  });

  it("reload mid-payment: a new mount resumes from sessionStorage", async () => {
    const worker = createFakeWorker();
    const first = mount(worker, {}, { storage: "sessionStorage" });
    await step(() => first.use().create(coffee));
    first.unmount();
    const second = mount(worker, {}, { storage: "sessionStorage" });
    await step();
    await step(() => worker.set("prq_test_0001", "succeeded"));
    // The server render would show idle; the client's first render already knows the payment.
    expect(second.states).toStrictEqual([
      "creating:connecting",
      "awaiting_scan:live:120",
      "succeeded",
    ]);
    expect(worker.callsTo("POST", "/api/payments").length).toBe(1);
  });

  it("reload mid-payment: resume from the payment id and token", async () => {
    const worker = createFakeWorker();
    const { paymentRequestId, statusToken } = worker.seed({ amount: coffee.amount });
    const { states } = mount(worker, { resume: { paymentRequestId, statusToken } });
    await step();
    await step(() => worker.set(paymentRequestId, "succeeded"));
    // The socket opens and delivers the payment in one task: one render.
    expectRenderedStates(states, ["creating:connecting", "awaiting_scan:live:120", "succeeded"]);
  });

  it("StrictMode: a double mount that creates on mount makes exactly one payment", async () => {
    const worker = createFakeWorker();
    const statuses: string[] = [];
    render(
      <StrictMode>
        <AmsProvider
          baseUrl={testBaseUrl}
          fetch={worker.fetch}
          WebSocket={worker.WebSocket}
          apiKey={testApiKey}
        >
          <AutoCharge onStatus={(status) => statuses.push(status)} />
        </AmsProvider>
      </StrictMode>,
    );
    await step();
    expect(worker.callsTo("POST", "/api/payments").length).toBe(1);
    expect(worker.payments.size).toBe(1);
    expect(statuses.at(-1)).toBe("awaiting_scan");
  });

  it("needs a provider or a client", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<Orphan />)).toThrow(
      new TypeError("useOrderCodePayment needs an <AmsProvider> above it, or a { client } option."),
    );
  });
});
