import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_API_KEY } from "./fixtures/test-config.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { call, createOrderCode, merchant } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const order = {
  amount: { currency: "USD", value: "1250" },
  description: "Two flat whites",
  storeId: "test-store",
};

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

describe("POST /api/payments", () => {
  it("answers 201 with the code, its expiry and a status token", async () => {
    const sandbox = useSandboxGateway();
    const response = await merchant("/api/payments", { body: { ...order, expiresInSeconds: 300 } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown> & { code: { value: string } };
    const atGateway = sandbox.payment(String(body.paymentRequestId));
    expect(body).toStrictEqual({
      paymentRequestId: expect.stringMatching(/^oc[0-9a-f]{32}$/),
      paymentId: atGateway?.paymentId,
      scenario: "OrderCode",
      status: "awaiting_payment",
      amount: { currency: "USD", value: "1250" },
      description: "Two flat whites",
      storeId: "test-store",
      code: { value: expect.any(String), type: "QRCODE", expiresAt: atGateway?.expiresAt },
      redirectUrl: null,
      resultCode: null,
      refunded: { currency: "USD", value: "0" },
      refunds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      expiresAt: atGateway?.expiresAt,
      version: 2,
      statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(Date.parse(String(body.expiresAt)) - Date.parse(String(body.createdAt))).toBeGreaterThan(
      298_000,
    );
    expect(body.code.value.length).toBeGreaterThan(10);
  });

  it("answers a retry with the same Idempotency-Key with the same payment (200), one at the gateway", async () => {
    const sandbox = useSandboxGateway();
    const headers = { "idempotency-key": "order-1001" };
    const first = await merchant("/api/payments", { body: order, headers });
    const second = await merchant("/api/payments", { body: order, headers });
    expect([first.status, second.status]).toStrictEqual([201, 200]);
    const a = (await first.json()) as { paymentRequestId: string };
    const b = (await second.json()) as { paymentRequestId: string };
    expect(b).toStrictEqual(a);
    expect(sandbox.payments()).toHaveLength(1);
  });

  it("answers concurrent retries with one payment", async () => {
    const sandbox = useSandboxGateway();
    const headers = { "idempotency-key": "order-concurrent" };
    const answers = await Promise.all(
      [1, 2, 3].map(() => merchant("/api/payments", { body: order, headers })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toStrictEqual([200, 200, 201]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { code: unknown }[];
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(sandbox.payments()).toHaveLength(1);
  });

  it("refuses an Idempotency-Key reused for a different payment (409)", async () => {
    useSandboxGateway();
    const headers = { "idempotency-key": "order-1002" };
    await merchant("/api/payments", { body: order, headers });
    const conflict = await merchant("/api/payments", {
      body: { ...order, amount: { currency: "USD", value: "999" } },
      headers,
    });
    expect(await errorOf(conflict)).toStrictEqual({ status: 409, code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it.each([
    ["no key", {}, 401, "API_KEY_INVALID"],
    ["a wrong key", { authorization: "Bearer not-the-key" }, 401, "API_KEY_INVALID"],
  ])("refuses a request with %s", async (_name, headers, status, code) => {
    const response = await call("/api/payments", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(order),
    });
    expect(await errorOf(response)).toStrictEqual({ status, code });
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="ams-edge"');
  });

  it.each([
    ["an unknown store", { ...order, storeId: "nowhere" }, 404, "UNKNOWN_STORE"],
    [
      "another currency",
      { ...order, amount: { currency: "EUR", value: "100" } },
      422,
      "CURRENCY_NOT_ACCEPTED",
    ],
    [
      "an amount over the store's limit",
      { ...order, amount: { currency: "USD", value: "100001" } },
      422,
      "AMOUNT_OUT_OF_RANGE",
    ],
    [
      "a zero amount",
      { ...order, amount: { currency: "USD", value: "0" } },
      400,
      "INVALID_REQUEST",
    ],
    [
      "a decimal amount",
      { ...order, amount: { currency: "USD", value: "12.50" } },
      400,
      "INVALID_REQUEST",
    ],
    ["an expiry of 30 minutes", { ...order, expiresInSeconds: 1800 }, 400, "INVALID_REQUEST"],
    ["no description", { amount: order.amount, storeId: "test-store" }, 400, "INVALID_REQUEST"],
  ])("refuses %s", async (_name, body, status, code) => {
    useSandboxGateway();
    expect(await errorOf(await merchant("/api/payments", { body }))).toStrictEqual({
      status,
      code,
    });
  });

  it("tells an API-key caller which stores exist when the store is unknown", async () => {
    const response = await merchant("/api/payments", { body: { ...order, storeId: "nowhere" } });
    expect(await response.json()).toStrictEqual({
      error: {
        code: "UNKNOWN_STORE",
        message:
          'no store "nowhere" in STORES; known stores: test-store, no-entry-store, kiosk-store',
      },
    });
  });

  it("refuses a body that is not JSON (400), not declared JSON (415) or too big (413)", async () => {
    const post = (body: string, type: string) =>
      call("/api/payments", {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_API_KEY}`, "content-type": type },
        body,
      });
    expect(await errorOf(await post("{", "application/json"))).toStrictEqual({
      status: 400,
      code: "INVALID_JSON",
    });
    expect(await errorOf(await post("{}", "text/plain"))).toStrictEqual({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    expect(await errorOf(await post(`"${"x".repeat(20_000)}"`, "application/json"))).toStrictEqual({
      status: 413,
      code: "BODY_TOO_LARGE",
    });
  });
});

describe("GET /api/payments and the CSV export", () => {
  it("lists newest first, filters, and pages with a cursor", async () => {
    useSandboxGateway();
    const ids: string[] = [];
    for (const value of ["100", "200", "300"]) {
      ids.push((await createOrderCode({ amount: { currency: "USD", value } })).paymentRequestId);
    }
    const first = (await (await merchant("/api/payments?limit=2&storeId=test-store")).json()) as {
      payments: { paymentRequestId: string }[];
      nextCursor: string | null;
    };
    expect(first.payments.map((p) => p.paymentRequestId)).toStrictEqual([ids[2], ids[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (
      await merchant(`/api/payments?limit=2&storeId=test-store&cursor=${first.nextCursor}`)
    ).json()) as { payments: { paymentRequestId: string }[]; nextCursor: string | null };
    expect(second).toStrictEqual({
      payments: [expect.objectContaining({ paymentRequestId: ids[0] })],
      nextCursor: null,
    });
    const none = (await (await merchant("/api/payments?status=succeeded")).json()) as {
      payments: unknown[];
    };
    expect(none.payments).toStrictEqual([]);
    const future = (await (await merchant("/api/payments?from=2999-01-01T00:00:00Z")).json()) as {
      payments: unknown[];
    };
    expect(future.payments).toStrictEqual([]);
  });

  it("refuses a bad cursor, status or limit", async () => {
    expect(await errorOf(await merchant("/api/payments?cursor=abc"))).toStrictEqual({
      status: 400,
      code: "INVALID_CURSOR",
    });
    expect(await errorOf(await merchant("/api/payments?status=paid"))).toStrictEqual({
      status: 400,
      code: "INVALID_REQUEST",
    });
    expect(await errorOf(await merchant("/api/payments?limit=500"))).toStrictEqual({
      status: 400,
      code: "INVALID_REQUEST",
    });
  });

  it("exports CSV with a header row and one row per payment", async () => {
    useSandboxGateway();
    const created = await createOrderCode({
      description: 'Cake, "large"',
      referenceOrderId: "R-1",
    });
    const response = await merchant("/api/payments/export.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "paymentRequestId,paymentId,scenario,storeId,status,currency,amountValue,refundedValue,description,referenceOrderId,resultCode,createdAt,updatedAt,expiresAt",
    );
    expect(lines[1]).toBe(
      [
        created.paymentRequestId,
        created.paymentId,
        "OrderCode",
        "test-store",
        "awaiting_payment",
        "USD",
        "1250",
        "0",
        '"Cake, ""large"""',
        "R-1",
        "",
        created.createdAt,
        created.updatedAt,
        created.expiresAt,
      ].join(","),
    );
    expect(lines.slice(2)).toStrictEqual([""]);
  });
});
