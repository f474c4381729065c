import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { awaiting, payment } from "../testing/fixtures.ts";
import { OrderCodeQr } from "./order-code-qr.tsx";

afterEach(cleanup);

describe("OrderCodeQr", () => {
  it("draws a labelled QR, a timer and a polite status", () => {
    render(<OrderCodeQr state={awaiting} locale="en-US" />);
    const img = screen.getByRole("img", { name: "Alipay payment code for $5.99" });
    expect(img.getAttribute("viewBox")).toBe(`0 0 ${awaiting.qr?.size} ${awaiting.qr?.size}`);
    expect(img.querySelectorAll("path")[1]?.getAttribute("d")).toBe(awaiting.qr?.path);
    expect(screen.getByRole("timer").textContent).toBe("1:15");
    const status = document.querySelector("[aria-live=polite]");
    expect(status?.textContent).toBe("Scan with Alipay to pay $5.99.");
  });

  it("says what happened once the payment is over, without a QR", () => {
    const view = render(
      <OrderCodeQr
        state={{
          status: "succeeded",
          paymentRequestId: "p",
          payment: { ...payment, status: "succeeded" },
        }}
        locale="en-US"
      />,
    );
    expect(screen.queryByRole("img")).toBe(null);
    expect(document.querySelector("[aria-live=polite]")?.textContent).toBe("Paid: $5.99.");
    view.rerender(
      <OrderCodeQr
        state={{ status: "cancelled", paymentRequestId: "p", payment, reversed: true }}
        locale="en-US"
        describe={(s) => `custom ${s.status}`}
      />,
    );
    expect(document.querySelector("[aria-live=polite]")?.textContent).toBe("custom cancelled");
  });

  it("shows a barcode's value as text", () => {
    const barcode = {
      ...awaiting,
      qr: null,
      code: { value: "28123456789", type: "BARCODE" as const, expiresAt: awaiting.expiresAt },
    };
    render(<OrderCodeQr state={barcode} locale="en-US" />);
    expect(screen.queryByRole("img")).toBe(null);
    expect(screen.getByText("28123456789").tagName).toBe("P");
  });
});
