import type { BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { orderCode, type Stack, startStack } from "../../packages/sandbox/src/e2e/harness.ts";
import { type Chromium, launchChromium } from "./chromium.ts";

let chromium: Chromium | undefined;
let browser: BrowserContext | undefined;
let stack: Stack | undefined;

beforeAll(async () => {
  chromium = await launchChromium();
  browser = chromium.context;
});
afterAll(async () => {
  await chromium?.close();
});
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function openWallet(value: string, requestId: string) {
  stack = await startStack();
  const created = await stack.client.createOrderCode(
    orderCode(requestId, value, stack.receiver.url),
  );
  if (!created.ok) throw new Error(created.rawBody);
  const page = await (browser as BrowserContext).newPage();
  await page.goto(created.data.orderCodeForm?.codeDetails[0]?.codeValue ?? "");
  return { page, s: stack, paymentId: created.data.paymentId ?? "" };
}

describe("the wallet page in headless Chromium", () => {
  it("pays with the Pay button: the page says so and the merchant is notified", async () => {
    const { page, s, paymentId } = await openWallet("1250", "browser-pay");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Pay Test Café");
    expect(s.server.sandbox.payment(paymentId)?.status).toBe("PROCESSING");
    await page.getByRole("button", { name: "Pay $12.50" }).click();
    await page.waitForURL(/scan=false$/);
    expect(await page.getByRole("status").textContent()).toBe(
      "Paid. You can return to the merchant.",
    );
    expect(await page.getByRole("button").count()).toBe(0);
    await s.server.sandbox.idle();
    expect(s.server.sandbox.payment(paymentId)?.status).toBe("SUCCESS");
    expect(s.receiver.received).toHaveLength(1);
    await page.close();
  });

  it("declines with the reason chosen in the labelled select", async () => {
    const { page, s, paymentId } = await openWallet("1250", "browser-decline");
    await page.getByLabel("Reason").selectOption("RISK_REJECT");
    await page.getByRole("button", { name: "Decline" }).click();
    await page.waitForURL(/scan=false$/);
    expect(await page.getByRole("status").textContent()).toBe(
      "Declined (RISK_REJECT). Nothing was paid.",
    );
    expect(s.server.sandbox.payment(paymentId)?.resultCode).toBe("RISK_REJECT");
    await page.close();
  });

  it("updates itself when the merchant cancels", async () => {
    const { page, s } = await openWallet("1250", "browser-cancel");
    const cancelled = await s.client.cancel({ paymentRequestId: "browser-cancel" });
    expect(cancelled.ok).toBe(true);
    await page.getByText("Cancelled by the merchant. Nothing was paid.").waitFor();
    expect(await page.getByRole("button").count()).toBe(0);
    await page.close();
  });
});
