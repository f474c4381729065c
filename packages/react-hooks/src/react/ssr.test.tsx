// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useRecentPayments } from "../merchant/use-recent-payments.ts";
import { awaiting } from "../testing/fixtures.ts";
import { AmsProvider } from "./ams-provider.tsx";
import { OrderCodeQr } from "./order-code-qr.tsx";
import { useEntryCodeCheckout } from "./use-entry-code-checkout.ts";
import { useOrderCodePayment } from "./use-order-code-payment.ts";
import { usePaymentStatus } from "./use-payment-status.ts";

function Everything() {
  const order = useOrderCodePayment();
  const resumed = useOrderCodePayment({
    resume: { paymentRequestId: "prq_test_1", statusToken: "tok_test_1" },
  });
  const status = usePaymentStatus("prq_test_1", "tok_test_1");
  const entry = useEntryCodeCheckout("store-test", { currency: "USD" });
  const recent = useRecentPayments({ storeId: "store-test" });
  return (
    <main>
      <OrderCodeQr state={order.state} />
      <p>
        {[
          order.state.status,
          resumed.state.status,
          status.status,
          entry.state.status,
          recent.state.status,
        ].join(",")}
      </p>
    </main>
  );
}

describe("server rendering", () => {
  it("renders every hook and the component with no window, no fetch and no socket", () => {
    expect(typeof window).toBe("undefined");
    const fail = () => {
      throw new Error("no network during SSR");
    };
    const html = renderToString(
      <AmsProvider
        baseUrl="https://worker.test"
        fetch={fail}
        WebSocket={null}
        apiKey="sk_test_merchant"
      >
        <Everything />
      </AmsProvider>,
    );
    expect(html).toBe(
      '<main><div data-status="idle"><p aria-live="polite"></p></div><p>idle,creating,creating,editing,loading</p></main>',
    );
  });

  it("renders the QR of a payment in progress", () => {
    const html = renderToString(<OrderCodeQr state={awaiting} locale="en-US" />);
    expect(
      html.startsWith(
        '<div data-status="awaiting_scan"><svg role="img" aria-label="Alipay payment code for $5.99"',
      ),
    ).toBe(true);
    expect(
      html.endsWith(
        '<p role="timer" aria-label="Time left">1:15</p><p aria-live="polite">Scan with Alipay to pay $5.99.</p></div>',
      ),
    ).toBe(true);
  });
});
