import { acknowledge, createAmsClient, cryptoRuntime, verifyNotification } from "@ams-edge/core";
import { createSandbox, type Sandbox } from "@ams-edge/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../../packages/sandbox/src/fixtures/test-keys.ts";

const CLIENT_ID = "SANDBOX_WORKERD";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("the sandbox handler inside workerd", () => {
  it("runs in workerd itself, with core's WebCrypto provider", () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
    expect(cryptoRuntime).toBe("web");
  });

  it("serves pay, the wallet, a verified notification through waitUntil, and inquiry SUCCESS", async () => {
    const notifications: string[] = [];
    const s = createSandbox({
      merchants: [{ clientId: CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
      alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
      // The merchant's receiver, answered in-process: verified with core, then acknowledged.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const { notification } = await verifyNotification(request, {
          alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
        });
        notifications.push(notification?.notifyType ?? "unparsed");
        return acknowledge();
      },
    });
    sandbox = s;
    const client = createAmsClient({
      clientId: CLIENT_ID,
      privateKey: TEST_MERCHANT_PRIVATE_KEY,
      alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
      gateway: "https://sandbox.example",
      retry: false,
      fetch: (input, init) => s.fetch(new Request(input, init)),
    });
    const created = await client.createOrderCode({
      paymentRequestId: "workerd-1",
      paymentAmount: { currency: "USD", value: "599" },
      orderDescription: "Edge coffee",
      merchant: {
        referenceMerchantId: "M",
        merchantMCC: "5812",
        merchantName: "Edge Café",
        store: { referenceStoreId: "S", storeName: "Edge Café" },
      },
      paymentNotifyUrl: "https://merchant.example/alipay/notify",
    });
    if (!created.ok) throw new Error(created.rawBody);
    const paymentId = created.data.paymentId ?? "";
    expect(created.data.orderCodeForm?.codeDetails[0]?.codeValue).toBe(
      `https://sandbox.example/wallet/${paymentId}`,
    );

    const page = await s.fetch(new Request(`https://sandbox.example/wallet/${paymentId}`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Pay $5.99");

    const waited: Promise<unknown>[] = [];
    const paid = await s.fetch(
      new Request(`https://sandbox.example/sandbox/payments/${paymentId}/pay`, { method: "POST" }),
      {
        waitUntil: (promise) => waited.push(promise),
      },
    );
    expect(paid.status).toBe(200);
    expect(waited).toHaveLength(1);
    await Promise.all(waited);
    expect(notifications).toStrictEqual(["PAYMENT_RESULT"]);
    expect(s.notifications(paymentId)[0]?.acknowledged).toBe(true);

    const inquiry = await client.inquiryPayment({ paymentId });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("SUCCESS");
  });

  it("answers INVALID_SIGNATURE to a merchant signing with another key", async () => {
    const s = createSandbox({
      merchants: [{ clientId: CLIENT_ID, publicKey: TEST_ALIPAY_PUBLIC_KEY }],
      alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
    });
    sandbox = s;
    const client = createAmsClient({
      clientId: CLIENT_ID,
      privateKey: TEST_MERCHANT_PRIVATE_KEY,
      alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
      gateway: "https://sandbox.example",
      retry: false,
      fetch: (input, init) => s.fetch(new Request(input, init)),
    });
    const result = await client.inquiryPayment({ paymentRequestId: "x" });
    expect([result.status, result.resultCode]).toStrictEqual(["F", "INVALID_SIGNATURE"]);
  });
});
