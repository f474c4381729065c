import { renderSVG } from "uqr";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { call, eventsOf, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const WALLET_UA = "Mozilla/5.0 (iPhone) AlipayClient/10.5.0";

function pay(
  storeId: string,
  value: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(`/api/entry/${storeId}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": WALLET_UA, ...headers },
    body: JSON.stringify({ amount: { currency: "USD", value } }),
  });
}

async function errorOf(response: Response): Promise<[number, string]> {
  return [response.status, ((await response.json()) as { error: { code: string } }).error.code];
}

describe("Entry Code", () => {
  it("serves the amount page with a nonce-locked script", async () => {
    const response = await call("/pay/test-store");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)'/.exec(csp)?.[1];
    const html = await response.text();
    expect(html).toContain("<h1>Test Store</h1>");
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(
      '"storeId":"test-store","currency":"USD","digits":2,"min":"100","max":"50000"',
    );
  });

  it("serves the printable code: a QR of the absolute page URL", async () => {
    const response = await call("/api/stores/test-store/entry-code.svg");
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toBe(
      renderSVG("https://worker.ams-edge.test/pay/test-store", {
        ecc: "M",
        border: 4,
        pixelSize: 8,
      }),
    );
  });

  it("answers 404 for a store without Entry Code or an unknown one", async () => {
    expect(await errorOf(await call("/pay/no-entry-store"))).toStrictEqual([
      404,
      "ENTRY_CODE_DISABLED",
    ]);
    expect(await errorOf(await call("/api/stores/nowhere/entry-code.svg"))).toStrictEqual([
      404,
      "UNKNOWN_STORE",
    ]);
  });

  it("creates an Entry Code payment with the wallet's User-Agent and answers with the redirect URL", async () => {
    const sandbox = useSandboxGateway();
    const response = await pay("test-store", "1500");
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      paymentRequestId: string;
      statusToken: string;
      redirectUrl: string;
      status: string;
      scenario: string;
    };
    const atGateway = sandbox.payment(body.paymentRequestId);
    expect([body.scenario, body.status]).toStrictEqual(["EntryCode", "awaiting_payment"]);
    expect(body.redirectUrl).toBe(atGateway?.walletUrl);
    const sent = (await eventsOf(body.paymentRequestId)).find((e) => e.kind === "request");
    const request = JSON.parse(String(sent?.data.body)) as {
      order: { env: { userAgent: string } };
      paymentRedirectUrl: string;
    };
    expect(request.order.env.userAgent).toBe(WALLET_UA);
    expect(request.paymentRedirectUrl).toBe(
      `https://worker.ams-edge.test/pay/test-store?payment=${body.paymentRequestId}&token=${body.statusToken}`,
    );
    sandbox.act(body.paymentRequestId, "pay");
    await sandbox.idle();
    expect((await readPayment(body.paymentRequestId, body.statusToken)).status).toBe("succeeded");
  });

  it("sends the wallet back to the store's returnPath when STORES sets one", async () => {
    useSandboxGateway();
    const response = await call("/api/entry/kiosk-store/payments", {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": WALLET_UA },
      body: JSON.stringify({ amount: { currency: "JPY", value: "1200" } }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { paymentRequestId: string; statusToken: string };
    const sent = (await eventsOf(body.paymentRequestId)).find((e) => e.kind === "request");
    const request = JSON.parse(String(sent?.data.body)) as { paymentRedirectUrl: string };
    expect(request.paymentRedirectUrl).toBe(
      `https://worker.ams-edge.test/entry/kiosk-store?payment=${body.paymentRequestId}&token=${body.statusToken}`,
    );
  });

  it("refuses amounts outside the store's bounds and other currencies", async () => {
    useSandboxGateway();
    expect(await errorOf(await pay("test-store", "99"))).toStrictEqual([
      422,
      "AMOUNT_OUT_OF_RANGE",
    ]);
    expect(await errorOf(await pay("test-store", "50001"))).toStrictEqual([
      422,
      "AMOUNT_OUT_OF_RANGE",
    ]);
    const euro = await call("/api/entry/test-store/payments", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": WALLET_UA,
        "cf-connecting-ip": "198.51.100.9",
      },
      body: JSON.stringify({ amount: { currency: "EUR", value: "500" } }),
    });
    expect(await errorOf(euro)).toStrictEqual([422, "CURRENCY_NOT_ACCEPTED"]);
  });

  it("rate-limits each client address (ENTRY_RATE_LIMIT 3/60) with Retry-After", async () => {
    useSandboxGateway();
    const ip = { "cf-connecting-ip": "203.0.113.7" };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await pay("test-store", "1000", ip)).status);
    expect(statuses).toStrictEqual([201, 201, 201, 429]);
    const limited = await pay("test-store", "1000", ip);
    expect(limited.headers.get("retry-after")).toMatch(/^(59|60)$/);
    expect((await pay("test-store", "1000", { "cf-connecting-ip": "203.0.113.8" })).status).toBe(
      201,
    );
  });
});
