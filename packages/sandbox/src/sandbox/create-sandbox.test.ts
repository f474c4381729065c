import { createAmsClient, orderCodePayment } from "@ams-edge/core";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../clock/manual-clock.ts";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../fixtures/test-keys.ts";
import { createSandbox } from "./create-sandbox.ts";
import type { Sandbox } from "./sandbox.ts";
import type { SandboxOptions } from "./sandbox-options.ts";

const CLIENT_ID = "SANDBOX_UNIT";
const BASE = "http://sandbox.test";

const options: SandboxOptions = {
  merchants: [{ clientId: CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
  alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
};

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A client whose requests go straight into the handler, with no network at all. */
function clientFor(s: Sandbox) {
  return createAmsClient({
    clientId: CLIENT_ID,
    privateKey: TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: "http://127.0.0.1:1",
    retry: false,
    fetch: (input, init) => s.fetch(new Request(input, init)),
  });
}

const params = (paymentRequestId: string, value = "599") => ({
  paymentRequestId,
  paymentAmount: { currency: "USD", value },
  orderDescription: "Tea",
  merchant: {
    referenceMerchantId: "M",
    merchantMCC: "5812",
    merchantName: "Tea Room",
    store: { referenceStoreId: "S", storeName: "Tea Room" },
  },
  paymentNotifyUrl: "http://merchant.test/notify",
});

describe("createSandbox options", () => {
  it("refuses misuse with a TypeError that says what is expected", () => {
    expect(() => createSandbox({ ...options, merchants: [] })).toThrow(
      new TypeError(
        "createSandbox: merchants must list at least one { clientId, publicKey } (the merchant's public key, to verify its calls)",
      ),
    );
    expect(() => createSandbox({ ...options, alipayPrivateKey: "" })).toThrow(
      /^createSandbox: alipayPrivateKey is required/,
    );
    expect(() => createSandbox({ ...options, timeScale: 0 })).toThrow(
      "createSandbox: timeScale must be a positive number; got 0",
    );
    expect(() => createSandbox({ ...options, baseUrl: "not a url" })).toThrow(
      'createSandbox: baseUrl must be an absolute URL; got "not a url"',
    );
    expect(() => createSandbox({ ...options, faults: [{ kind: "nope" as "hang" }] })).toThrow(
      /^fault\[0\]: "kind" must be one of/,
    );
    expect(() => createSandbox({ ...options, resendScheduleSeconds: [] })).toThrow(
      "createSandbox: resendScheduleSeconds must be a non-empty list of seconds ≥ 0",
    );
  });
});

describe("createSandbox handler", () => {
  it("serves a client in-process, uses baseUrl for wallet links, and passes the notification to waitUntil", async () => {
    const delivered: Request[] = [];
    sandbox = createSandbox({
      ...options,
      baseUrl: "https://wallet.example/",
      fetch: async (input, init) => {
        delivered.push(new Request(input, init));
        return new Response(
          '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}',
        );
      },
    });
    const s = sandbox;
    const created = await clientFor(s).createOrderCode(params("unit-1"));
    if (!created.ok) throw new Error(created.rawBody);
    const paymentId = created.data.paymentId ?? "";
    expect(created.data.orderCodeForm?.codeDetails[0]?.codeValue).toBe(
      `https://wallet.example/wallet/${paymentId}`,
    );

    const waited: Promise<unknown>[] = [];
    const response = await s.fetch(
      new Request(`${BASE}/sandbox/payments/${paymentId}/pay`, { method: "POST" }),
      {
        waitUntil: (promise) => waited.push(promise),
      },
    );
    expect(response.status).toBe(200);
    expect(waited).toHaveLength(1);
    await Promise.all(waited);
    expect(
      delivered.map((request) => [request.method, request.url, request.headers.get("client-id")]),
    ).toStrictEqual([["POST", "http://merchant.test/notify", CLIENT_ID]]);
    expect(s.notifications(paymentId)[0]?.acknowledged).toBe(true);
  });

  it("acts as the customer through act(), with SandboxError codes for unknown and final payments", async () => {
    sandbox = createSandbox({ ...options, fetch: async () => new Response("no", { status: 500 }) });
    const s = sandbox;
    await clientFor(s).pay(orderCodePayment(params("unit-2")));
    expect(s.act("unit-2", "scan").status).toBe("PROCESSING");
    expect(s.act("unit-2", "decline", "RISK_REJECT")).toMatchObject({
      status: "FAIL",
      resultCode: "RISK_REJECT",
    });
    expect(() => s.act("unit-2", "pay")).toThrow(
      expect.objectContaining({ name: "SandboxError", code: "PAYMENT_FINAL" }),
    );
    expect(() => s.act("nope", "pay")).toThrow(
      expect.objectContaining({ code: "PAYMENT_NOT_FOUND" }),
    );
  });

  it("answers the control API with JSON errors", async () => {
    sandbox = createSandbox(options);
    const s = sandbox;
    const get = (path: string, init?: RequestInit) => s.fetch(new Request(`${BASE}${path}`, init));
    const missing = await get("/sandbox/payments/nope");
    expect([missing.status, await missing.json()]).toStrictEqual([
      404,
      { error: { code: "PAYMENT_NOT_FOUND", message: "No payment has that id in this sandbox." } },
    ]);
    const nowhere = await get("/elsewhere");
    expect([nowhere.status, await nowhere.json()]).toStrictEqual([
      404,
      { error: { code: "NOT_FOUND", message: "Nothing at GET /elsewhere." } },
    ]);
    await clientFor(s).pay(orderCodePayment(params("unit-3")));
    const badCode = await get("/sandbox/payments/unit-3/decline", {
      method: "POST",
      body: '{"resultCode":"lower"}',
    });
    expect(badCode.status).toBe(400);
    const info = (await (await get("/sandbox")).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      clientIds: [CLIENT_ID],
      timeScale: 1,
      seed: 1,
      defaultExpirySeconds: 900,
    });
    const wallet = await get("/wallet/nope");
    expect(wallet.status).toBe(404);
  });

  it("stops every timer and answers 503 once closed", async () => {
    const clock = createManualClock(Date.parse("2026-03-01T00:00:00Z"));
    sandbox = createSandbox({ ...options, clock });
    const s = sandbox;
    await clientFor(s).pay(orderCodePayment(params("unit-4", "701"), { now: clock.now() }));
    expect(clock.pendingTimers()).toBeGreaterThan(0);
    await s.close();
    expect(clock.pendingTimers()).toBe(0);
    const after = await s.fetch(new Request(`${BASE}/sandbox`));
    expect(after.status).toBe(503);
    expect(() => s.act("unit-4", "pay")).toThrow(
      expect.objectContaining({ code: "SANDBOX_CLOSED" }),
    );
  });

  it("writes times in the configured offset", async () => {
    const clock = createManualClock(Date.parse("2026-03-01T00:00:00Z"));
    sandbox = createSandbox({ ...options, clock, timeZoneOffsetMinutes: 480 });
    const created = await clientFor(sandbox).pay(
      orderCodePayment(params("unit-5"), { now: clock.now() }),
    );
    expect(created.ok && created.data.paymentCreateTime).toBe("2026-03-01T08:00:00+08:00");
    expect(created.ok && created.data.orderCodeForm?.expireTime).toBe("2026-03-01T08:15:00+08:00");
  });
});
