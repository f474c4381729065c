import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import type { PaymentRecord } from "../state/payment-record.ts";
import { walletPage } from "./wallet-page.ts";

function payment(overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    clientId: "C",
    paymentId: "20260101110000000001",
    paymentRequestId: "order-1",
    scenario: "OrderCode",
    amount: { currency: "USD", value: "599" },
    fingerprint: "",
    payResponseBody: "",
    createdAt: 0,
    expiresAt: 900_000,
    notifyUrl: "http://127.0.0.1/notify",
    redirectUrl: null,
    walletUrl: "http://127.0.0.1/wallet/20260101110000000001",
    orderDescription: "Two <b>flat</b> whites",
    merchantName: "Test Café",
    storeName: "Main St",
    magic: null,
    status: "PROCESSING",
    resultCode: null,
    resultMessage: null,
    scannedAt: 0,
    finishedAt: null,
    cancelledAt: null,
    reversed: false,
    refunded: 0n,
    ...overrides,
  };
}

async function render(record: PaymentRecord): Promise<Document> {
  const window = new Window();
  window.document.write(String(await walletPage(record)));
  return window.document as unknown as Document;
}

describe("walletPage", () => {
  it("shows who is paid and how much, with labelled Pay and Decline forms", async () => {
    const doc = await render(payment());
    expect(doc.querySelector("h1")?.textContent).toBe("Pay Test Café");
    expect(doc.querySelector("#amount")?.textContent).toBe("$5.99");
    expect(doc.querySelector("main")?.getAttribute("aria-labelledby")).toBe("title");
    expect(doc.querySelector("[role=status]")?.textContent).toBe(
      "Waiting for you to confirm the payment.",
    );
    const forms = [...doc.querySelectorAll("form")].map((form) => [
      form.getAttribute("method"),
      form.getAttribute("action"),
    ]);
    expect(forms).toStrictEqual([
      ["post", "20260101110000000001/pay"],
      ["post", "20260101110000000001/decline"],
    ]);
    expect(doc.querySelector("#pay")?.textContent).toBe("Pay $5.99");
    expect(doc.querySelector("label[for=resultCode]")?.textContent).toBe("Reason");
    expect(doc.querySelector("select#resultCode")).not.toBeNull();
  });

  it("escapes what the merchant sent", async () => {
    const doc = await render(payment());
    expect(doc.querySelector("dd b")).toBeNull();
    expect(doc.body.textContent).toContain("Two <b>flat</b> whites");
  });

  it("shows the outcome without buttons once final, with a link back for Entry Code", async () => {
    const doc = await render(
      payment({
        status: "FAIL",
        resultCode: "RISK_REJECT",
        redirectUrl: "https://shop.example/back",
        scenario: "EntryCode",
      }),
    );
    expect(doc.querySelectorAll("form")).toHaveLength(0);
    expect(doc.querySelector("[role=status]")?.textContent).toBe(
      "Declined (RISK_REJECT). Nothing was paid.",
    );
    expect(doc.querySelector("a")?.getAttribute("href")).toBe("https://shop.example/back");
  });
});
