/**
 * The storefront end to end in headless Chromium, against the real local stack (the Worker under
 * `wrangler dev` serving the storefront build, the sandbox gateway and its wallet page). Each
 * final screen is saved under test-results/browser/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PaymentView } from "@ams-edge/react-hooks";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, repositoryRoot, startLocalStack } from "../../scripts/lib/local-stack.ts";
import { buildStorefront } from "./build-storefront.ts";
import { type Chromium, launchChromium } from "./chromium.ts";
import { decodeQrPng } from "./decode-qr.ts";

type Created = PaymentView & { statusToken: string };

const artifacts = join(repositoryRoot, "test-results", "browser");
let chromium: Chromium | undefined;
let stack: LocalStack | undefined;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  chromium = await launchChromium();
  buildStorefront();
  // Follow-ups 20 times faster (as the e2e suite): a cancel's retries reach their limit in seconds.
  stack = await startLocalStack({
    worker: "storefront",
    label: "browser",
    vars: { SCHEDULE_SCALE: "20" },
  });
});

afterAll(async () => {
  await Promise.allSettled([chromium?.close(), stack?.stop()]);
});

function running(): { chromium: Chromium; stack: LocalStack } {
  if (chromium === undefined || stack === undefined) throw new Error("the stack did not start");
  return { chromium, stack };
}

/** Opens the till with the API key in the fragment, as the link `npm start` prints. */
async function openTill(): Promise<Page> {
  const { chromium, stack } = running();
  const till = await chromium.context.newPage();
  await till.goto(`${stack.workerUrl}/#apiKey=${encodeURIComponent(stack.apiKey)}`);
  await till.getByRole("heading", { name: "New sale" }).waitFor();
  return till;
}

/** Types an amount on the till's keypad and charges it; resolves with the Worker's answer. */
async function charge(till: Page, keys: string[], description: string): Promise<Created> {
  const { stack } = running();
  for (const key of keys) await till.getByRole("button", { name: key, exact: true }).click();
  await till.getByLabel("Description").fill(description);
  const answer = till.waitForResponse(
    (r) => r.url() === `${stack.workerUrl}/api/payments` && r.request().method() === "POST",
  );
  await till.getByRole("button", { name: /^Charge / }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  return (await response.json()) as Created;
}

describe("the till (Order Code)", () => {
  it("shows the Worker's code as a QR, and turns green when the wallet pays", async () => {
    const { chromium } = running();
    const till = await openTill();
    // The key went to localStorage; the address bar no longer shows it.
    expect(new URL(till.url()).hash).toBe("");

    const keys = ["1", "2", "Decimal point", "5", "0"];
    const created = await charge(till, keys, "Two flat whites");
    expect(created.amount).toStrictEqual({ currency: "USD", value: "1250" });
    expect(created.description).toBe("Two flat whites");
    expect(created.code?.type).toBe("QRCODE");

    const qr = till.getByRole("img", { name: "Alipay payment code for $12.50" });
    await qr.waitFor();
    const decoded = await decodeQrPng(chromium.context, await qr.screenshot());
    expect(decoded).toBe(created.code?.value);
    expect(await till.getByRole("timer").textContent()).toMatch(/^(10:00|9:[0-5][0-9])$/);
    await till.getByText("Live", { exact: true }).waitFor();
    await till.screenshot({ path: join(artifacts, "pos-awaiting.png"), fullPage: true });

    const wallet = await chromium.context.newPage();
    await wallet.goto(decoded ?? "");
    await wallet.getByRole("button", { name: "Pay $12.50" }).click();
    await wallet.getByText("Paid. You can return to the merchant.").waitFor();

    await till.locator('.payment[data-status="succeeded"]').waitFor();
    expect(await till.locator(".order-code [aria-live]").textContent()).toBe(
      "Payment received: $12.50.",
    );
    expect(await till.getByRole("img", { name: /payment code/ }).count()).toBe(0);
    await till.getByRole("button", { name: "New sale" }).waitFor();
    await till.screenshot({ path: join(artifacts, "pos-paid.png"), fullPage: true });
    await Promise.all([wallet.close(), till.close()]);
  });

  it("cancels an unpaid code, then starts the next sale", async () => {
    const till = await openTill();
    await charge(till, ["4", "Decimal point", "2", "0"], "Croissant");
    await till.getByRole("img", { name: "Alipay payment code for $4.20" }).waitFor();
    await till.getByRole("button", { name: "Cancel payment" }).click();
    await till.locator('.payment[data-status="cancelled"]').waitFor();
    expect(await till.locator(".order-code [aria-live]").textContent()).toBe("Payment cancelled.");
    await till.screenshot({ path: join(artifacts, "pos-cancelled.png"), fullPage: true });
    await till.getByRole("button", { name: "New sale" }).click();
    expect(await till.getByLabel("Amount (USD)").inputValue()).toBe("");
    await till.close();
  });

  it("refunds a paid payment from the recent payments list", async () => {
    const { stack } = running();
    const till = await openTill();
    const created = await charge(till, ["7", "Decimal point", "3", "0"], "Bagel to refund");
    // The customer pays through the sandbox's wallet API this time.
    const paid = await fetch(`${stack.sandbox.url}/sandbox/payments/${created.paymentId}/pay`, {
      method: "POST",
    });
    expect(paid.status).toBe(200);
    await till.locator('.payment[data-status="succeeded"]').waitFor();

    const row = till.getByRole("listitem").filter({ hasText: "Bagel to refund" });
    await row.getByText("Paid", { exact: true }).waitFor();
    await row.getByRole("button", { name: "Refund $7.30, Bagel to refund" }).click();
    expect(await row.getByLabel("Refund amount (USD)").inputValue()).toBe("7.30");
    await row.getByRole("button", { name: "Confirm refund" }).click();
    expect(await row.getByRole("status").textContent()).toBe("Refunded $7.30");
    await till.screenshot({ path: join(artifacts, "pos-refunded.png"), fullPage: true });
    await till.close();
  });

  it("refunds once when the first tap times out and the cashier checks again", async () => {
    const { stack } = running();
    const till = await openTill();
    const created = await charge(till, ["7", "Decimal point", "3", "0"], "Slow refund");
    const paid = await fetch(`${stack.sandbox.url}/sandbox/payments/${created.paymentId}/pay`, {
      method: "POST",
    });
    expect(paid.status).toBe(200);
    await till.locator('.payment[data-status="succeeded"]').waitFor();

    // The gateway takes the refund but holds its first two answers past the Worker's 10 s
    // deadline; the Worker's third try gets it, after the till's 15 s have run out.
    const faults = `${stack.sandbox.url}/sandbox/faults`;
    const added = await fetch(faults, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "hang",
        apis: ["refund"],
        count: 2,
        delayMs: 12_000,
        paymentId: created.paymentId,
      }),
    });
    expect(added.status).toBe(201);
    const keys: (string | undefined)[] = [];
    till.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/refunds")) {
        keys.push(request.headers()["idempotency-key"]);
      }
    });

    const row = till.getByRole("listitem").filter({ hasText: "Slow refund" });
    await row.getByRole("button", { name: "Refund $7.30, Slow refund" }).click();
    await row.getByLabel("Refund amount (USD)").fill("2.00");
    await row.getByRole("button", { name: "Confirm refund" }).click();
    // No answer within the till's 15 s: the form gives way to the refund's pending line.
    await row.locator(".refund-form").waitFor({ state: "detached", timeout: 25_000 });
    const pending = row.locator(".refund-pending");
    expect(await pending.locator("p").textContent()).toBe("Refund of $2.00 not confirmed yet.");
    await till.screenshot({ path: join(artifacts, "pos-refund-unconfirmed.png"), fullPage: true });

    // The cashier checks again (as often as it takes) until the refund has its answer.
    const check = row.getByRole("button", { name: "Check the refund of $2.00, Slow refund" });
    const done = row.locator('.refund-result[data-refund="succeeded"]');
    for (let tap = 0; tap < 20 && !(await done.isVisible()); tap += 1) {
      if (await check.isEnabled()) await check.click();
      await done.or(pending.locator("button:not([disabled])")).first().waitFor();
      if (!(await done.isVisible())) await till.waitForTimeout(2000);
    }
    expect(await done.textContent()).toBe("Refunded $2.00");
    expect(await pending.count()).toBe(0);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);

    // The gateway's ledger: one refund, of the amount asked.
    const ledger = await fetch(`${stack.sandbox.url}/sandbox/payments/${created.paymentId}`);
    const { payment } = (await ledger.json()) as { payment: { refunded: string } };
    expect(payment.refunded).toBe("200");
    const view = await fetch(`${stack.workerUrl}/api/payments/${created.paymentRequestId}`, {
      headers: { authorization: `Bearer ${created.statusToken}` },
    });
    const { refunds, refunded } = (await view.json()) as PaymentView;
    expect({ refunded, refunds: refunds?.map((r) => [r.status, r.amount]) }).toStrictEqual({
      refunded: { currency: "USD", value: "200" },
      refunds: [["succeeded", { currency: "USD", value: "200" }]],
    });
    await till.screenshot({ path: join(artifacts, "pos-refund-checked.png"), fullPage: true });
    expect((await fetch(faults, { method: "DELETE" })).status).toBeLessThan(300);
    await till.close();
  }, 90_000);
});

describe("a payment that needs attention", () => {
  it("shows the reason on the till, and clears once the gateway answers clearly", async () => {
    const { stack } = running();
    const till = await openTill();
    const created = await charge(till, ["3", "Decimal point", "1", "0"], "Stuck cancel");
    await till.getByRole("img", { name: "Alipay payment code for $3.10" }).waitFor();
    // The gateway closes the order but never answers the cancel clearly.
    const faults = `${stack.sandbox.url}/sandbox/faults`;
    const added = await fetch(faults, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "unknown-result",
        apis: ["cancel"],
        resultCode: "PAYMENT_IN_PROCESS",
        paymentRequestId: created.paymentRequestId,
      }),
    });
    expect(added.status).toBe(201);
    await till.getByRole("button", { name: "Cancel payment" }).click();

    const panel = till.locator(".payment");
    const notice = panel.locator('.attention[data-attention="CANCEL_UNANSWERED"]');
    await notice.waitFor({ timeout: 45_000 });
    expect(await notice.textContent()).toBe(
      "Needs attention Alipay never confirmed the cancel.Ask Alipay again",
    );
    expect(await panel.getAttribute("data-status")).toBe("awaiting_scan");
    await till.getByRole("button", { name: "Refresh" }).click();
    const row = till.getByRole("listitem").filter({ hasText: "Stuck cancel" });
    await row.locator('.attention[data-attention="CANCEL_UNANSWERED"]').waitFor();
    await till.screenshot({ path: join(artifacts, "pos-attention.png"), fullPage: true });

    expect((await fetch(faults, { method: "DELETE" })).status).toBeLessThan(300);
    await panel.getByRole("button", { name: "Ask Alipay again about Stuck cancel" }).click();
    // The gateway says the order was cancelled: final, and the flag is gone everywhere.
    await till.locator('.payment[data-status="cancelled"]').waitFor();
    await row.getByText("Cancelled", { exact: true }).waitFor();
    expect(await till.locator(".attention").count()).toBe(0);
    await till.screenshot({ path: join(artifacts, "pos-attention-cleared.png"), fullPage: true });
    await till.close();
  });
});

describe("the customer's Entry Code page", () => {
  it("takes an amount, sends the customer to the wallet, and ends on the success screen", async () => {
    const { chromium, stack } = running();
    const customer = await chromium.context.newPage();
    await customer.goto(`${stack.workerUrl}/entry/demo-store`);
    const amount = customer.getByLabel("Amount (USD)");
    await amount.fill("0.50");
    expect(await customer.getByRole("alert").textContent()).toBe(
      "The amount must be at least $1.00.",
    );
    await amount.fill("8.75");

    // The page leaves for the wallet at once: read the Worker's answer on its way to the page.
    const answer = new Promise<{ status: number; body: Created }>((resolve) => {
      void customer.route(`${stack.workerUrl}/api/entry/demo-store/payments`, async (route) => {
        const response = await route.fetch();
        resolve({ status: response.status(), body: (await response.json()) as Created });
        await route.fulfill({ response });
      });
    });
    await customer.getByRole("button", { name: "Pay $8.75" }).click();
    const { status, body: created } = await answer;
    expect(status).toBe(201);
    expect(created.scenario).toBe("EntryCode");
    expect(created.amount).toStrictEqual({ currency: "USD", value: "875" });

    await customer.waitForURL(created.redirectUrl ?? "");
    await customer.getByRole("button", { name: "Pay $8.75" }).click();
    await customer.getByText("Paid. You can return to the merchant.").waitFor();
    await customer.screenshot({ path: join(artifacts, "entry-wallet-paid.png"), fullPage: true });
    const back = await customer.getByRole("link", { name: /^Return to / }).getAttribute("href");
    const returnUrl = new URL(back ?? "", stack.workerUrl);
    expect(returnUrl.searchParams.get("payment")).toBe(created.paymentRequestId);

    // The customer goes back to the shop's page in the same tab: it shows how the payment ended.
    await customer.goto(`${stack.workerUrl}/entry/demo-store`);
    await customer.getByRole("heading", { name: "Payment successful" }).waitFor();
    expect(await customer.getByRole("status").textContent()).toBe("Paid: $8.75. Thank you!");
    await customer.screenshot({ path: join(artifacts, "entry-paid.png"), fullPage: true });

    // The same result from the Worker's return URL parameters, in a tab that remembers nothing.
    const fresh = await chromium.context.newPage();
    await fresh.goto(`${stack.workerUrl}/entry/demo-store${returnUrl.search}`);
    await fresh.getByRole("heading", { name: "Payment successful" }).waitFor();
    await Promise.all([customer.close(), fresh.close()]);
  });
});

describe("the printable Entry Code", () => {
  it("shows the Worker's code, which opens the store's pay page", async () => {
    const { chromium, stack } = running();
    const page = await chromium.context.newPage();
    await page.goto(`${stack.workerUrl}/print/demo-store`);
    const code = page.getByRole("img", {
      name: "Entry Code of Demo Cafe: scan it with Alipay+ to pay",
    });
    await code.waitFor();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>("img.print-code");
      return image?.complete === true && image.naturalWidth > 0;
    });
    expect(await decodeQrPng(chromium.context, await code.screenshot())).toBe(
      `${stack.workerUrl}/pay/demo-store`,
    );
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    await page.screenshot({ path: join(artifacts, "print-entry-code.png"), fullPage: true });
    await page.close();
  });
});
