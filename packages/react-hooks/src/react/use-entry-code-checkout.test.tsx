import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeWorker, testBaseUrl } from "../testing/fake-worker.ts";
import { AmsProvider } from "./ams-provider.tsx";
import { useEntryCodeCheckout } from "./use-entry-code-checkout.ts";

function Page(props: { navigate: (url: string) => void; statuses: string[] }) {
  const { state, setInput, submit } = useEntryCodeCheckout("store-test", {
    currency: "JPY",
    navigate: props.navigate,
  });
  props.statuses.push(state.status);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label="Amount"
        value={state.input}
        onChange={(e) => setInput(e.currentTarget.value)}
      />
      {state.status === "editing" && state.inputError && state.input !== "" ? (
        <p role="alert">{state.inputError.message}</p>
      ) : null}
      <button type="submit" disabled={state.status !== "editing" || !state.amount}>
        Pay
      </button>
    </form>
  );
}

afterEach(cleanup);

describe("useEntryCodeCheckout", () => {
  it("runs the Entry Code page: type, validate, submit, redirect", async () => {
    const worker = createFakeWorker();
    const navigate = vi.fn<(url: string) => void>();
    const statuses: string[] = [];
    render(
      <AmsProvider baseUrl={testBaseUrl} fetch={worker.fetch} WebSocket={null}>
        <Page navigate={navigate} statuses={statuses} />
      </AmsProvider>,
    );
    fireEvent.change(screen.getByLabelText("Amount"), { target: { value: "12.5" } });
    expect(screen.getByRole("alert").textContent).toBe('"12.5" is not a valid JPY amount.');
    fireEvent.change(screen.getByLabelText("Amount"), { target: { value: "1250" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Pay" }));
    });
    expect(statuses).toStrictEqual(["editing", "editing", "editing", "submitting", "redirected"]);
    expect(navigate.mock.calls).toStrictEqual([
      ["alipays://platformapi/startApp?pay=prq_test_0001"],
    ]);
    expect(worker.calls.map((c) => c.body)).toStrictEqual([
      { amount: { currency: "JPY", value: "1250" } },
    ]);
  });
});
