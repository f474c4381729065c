import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { createOrderCode, merchant, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function json(response: Response): Promise<[number, Record<string, unknown>]> {
  return [response.status, (await response.json()) as Record<string, unknown>];
}

async function paidPayment() {
  const sandbox = useSandboxGateway();
  const created = await createOrderCode();
  sandbox.act(created.paymentRequestId, "pay");
  await sandbox.idle();
  return { sandbox, created };
}

describe("POST /api/payments/:id/cancel", () => {
  it("closes an unpaid payment: cancelled here and at the gateway", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    const [status, view] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/cancel`, { method: "POST" }),
    );
    expect([status, view.status]).toStrictEqual([200, "cancelled"]);
    expect(sandbox.payment(created.paymentRequestId)?.status).toBe("CANCELLED");
    const [again, second] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/cancel`, { method: "POST" }),
    );
    expect([again, second]).toStrictEqual([200, view]);
  });

  it("reverses a paid payment: reversed, the money goes back", async () => {
    const { sandbox, created } = await paidPayment();
    const [status, view] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/cancel`, { method: "POST" }),
    );
    expect([status, view.status]).toStrictEqual([200, "reversed"]);
    expect(sandbox.payment(created.paymentRequestId)?.reversed).toBe(true);
  });

  it("refuses to cancel a failed payment (409) and an unknown one (404)", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "decline", "RISK_REJECT");
    await sandbox.idle();
    const [status, body] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/cancel`, { method: "POST" }),
    );
    expect([status, (body.error as { code: string }).code]).toStrictEqual([
      409,
      "PAYMENT_NOT_CANCELLABLE",
    ]);
    const [missing, none] = await json(
      await merchant("/api/payments/ocnothere/cancel", { method: "POST" }),
    );
    expect([missing, (none.error as { code: string }).code]).toStrictEqual([
      404,
      "PAYMENT_NOT_FOUND",
    ]);
  });
});

describe("POST /api/payments/:id/refunds", () => {
  it("refunds part of a paid payment and indexes the refunded total", async () => {
    const { sandbox, created } = await paidPayment();
    const [status, refund] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
        body: { amount: { currency: "USD", value: "500" }, reason: "one coffee was cold" },
        headers: { "idempotency-key": "cold-coffee" },
      }),
    );
    expect([status, refund]).toStrictEqual([
      201,
      {
        refundRequestId: expect.stringMatching(
          new RegExp(`^${created.paymentRequestId}_[0-9a-f]{16}$`),
        ),
        status: "succeeded",
        amount: { currency: "USD", value: "500" },
        reason: "one coffee was cold",
        resultCode: "SUCCESS",
        createdAt: expect.stringMatching(/^2\d{3}-.*Z$/),
        updatedAt: expect.stringMatching(/^2\d{3}-.*Z$/),
      },
    ]);
    expect(sandbox.payment(created.paymentRequestId)?.refunded).toBe("500");
    const row = await env.DB.prepare(
      "SELECT refunded_value FROM payments WHERE payment_request_id = ?",
    )
      .bind(created.paymentRequestId)
      .first();
    expect(row).toStrictEqual({ refunded_value: "500" });
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect([view.status, view.refunded]).toStrictEqual([
      "succeeded",
      { currency: "USD", value: "500" },
    ]);
    const list = (await (await merchant("/api/payments?storeId=test-store")).json()) as {
      payments: { paymentRequestId: string; refunded: unknown }[];
    };
    expect(
      list.payments.find((p) => p.paymentRequestId === created.paymentRequestId),
    ).toMatchObject({ refunded: { currency: "USD", value: "500" } });
  });

  it("lists rows indexed before views carried `refunded` with the indexed total", async () => {
    const { created } = await paidPayment();
    await env.DB.prepare(
      "UPDATE payments SET view = json_remove(view, '$.refunded'), refunded_value = '42' WHERE payment_request_id = ?",
    )
      .bind(created.paymentRequestId)
      .run();
    const list = (await (await merchant("/api/payments?storeId=test-store")).json()) as {
      payments: { paymentRequestId: string; refunded: unknown }[];
    };
    expect(list.payments.map((p) => [p.paymentRequestId, p.refunded])).toStrictEqual([
      [created.paymentRequestId, { currency: "USD", value: "42" }],
    ]);
  });

  it("answers a retried refund (same Idempotency-Key) with the same refund, refunded once", async () => {
    const { sandbox, created } = await paidPayment();
    const send = () =>
      merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
        body: { amount: { currency: "USD", value: "300" } },
        headers: { "idempotency-key": "refund-1" },
      });
    const [created1, first] = await json(await send());
    const [replayed, second] = await json(await send());
    expect([created1, replayed]).toStrictEqual([201, 201]);
    expect(second).toStrictEqual(first);
    expect(sandbox.payment(created.paymentRequestId)?.refunded).toBe("300");
  });

  it("refuses more than what is left (422), and an unpaid payment (409)", async () => {
    const { created } = await paidPayment();
    await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
      body: { amount: { currency: "USD", value: "1000" } },
      headers: { "idempotency-key": "first" },
    });
    const [status, body] = await json(
      await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
        body: { amount: { currency: "USD", value: "251" } },
        headers: { "idempotency-key": "second" },
      }),
    );
    expect([status, body.error]).toStrictEqual([
      422,
      {
        code: "REFUND_AMOUNT_EXCEEDED",
        message: "expected at most 250 (minor units) still refundable; got 251",
      },
    ]);
    const unpaid = await createOrderCode();
    const [conflict, refused] = await json(
      await merchant(`/api/payments/${unpaid.paymentRequestId}/refunds`, {
        body: { amount: { currency: "USD", value: "100" } },
        headers: { "idempotency-key": "unpaid" },
      }),
    );
    expect([conflict, (refused.error as { code: string }).code]).toStrictEqual([
      409,
      "PAYMENT_NOT_REFUNDABLE",
    ]);
  });
});
