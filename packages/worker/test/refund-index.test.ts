import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { RefundPage } from "@ams-edge/core/api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { createOrderCode, merchant } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const usd = (value: string) => ({ currency: "USD", value });

async function refunds(query = ""): Promise<RefundPage> {
  const response = await merchant(`/api/refunds${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RefundPage;
}

describe("the refund index", () => {
  it("lists every refund with its payment and store, filtered and paged, and exports it as CSV", async () => {
    const sandbox = useSandboxGateway({
      faults: [
        { kind: "unknown-result", apis: ["refund"], count: 1, resultCode: "PAYMENT_IN_PROCESS" },
      ],
    });
    const first = await createOrderCode();
    const second = await createOrderCode();
    for (const p of [first, second]) sandbox.act(p.paymentRequestId, "pay");
    await sandbox.idle();
    const send = (id: string, value: string, key: string, reason?: string) =>
      merchant(`/api/payments/${id}/refunds`, {
        body: { amount: usd(value), ...(reason === undefined ? {} : { reason }) },
        headers: { "idempotency-key": key },
      }).then(async (r) => (await r.json()) as { refundRequestId: string });
    const unclear = await send(first.paymentRequestId, "300", "k1", 'cold, "very"');
    const done = await send(first.paymentRequestId, "200", "k2");
    const other = await send(second.paymentRequestId, "1250", "k3");

    const all = await refunds();
    expect(all.nextCursor).toBe(null);
    expect(
      all.refunds
        .map((r) => [r.refundRequestId, r.paymentRequestId, r.status, r.amount.value])
        .sort(),
    ).toStrictEqual(
      [
        [done.refundRequestId, first.paymentRequestId, "succeeded", "200"],
        [other.refundRequestId, second.paymentRequestId, "succeeded", "1250"],
        [unclear.refundRequestId, first.paymentRequestId, "processing", "300"],
      ].sort(),
    );
    expect(all.refunds.find((r) => r.refundRequestId === unclear.refundRequestId)).toMatchObject({
      storeId: "test-store",
      reason: 'cold, "very"',
      resultCode: "PAYMENT_IN_PROCESS",
      version: 2,
    });
    expect(
      (await refunds("?status=processing")).refunds.map((r) => r.refundRequestId),
    ).toStrictEqual([unclear.refundRequestId]);
    expect(
      (await refunds(`?paymentRequestId=${second.paymentRequestId}`)).refunds.map(
        (r) => r.refundRequestId,
      ),
    ).toStrictEqual([other.refundRequestId]);
    expect((await refunds("?storeId=another-store")).refunds).toStrictEqual([]);
    expect((await refunds("?from=2999-01-01T00:00:00Z")).refunds).toStrictEqual([]);
    const page1 = await refunds("?limit=2");
    const page2 = await refunds(`?limit=2&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`);
    expect([page1.refunds.length, page2.refunds.length, page2.nextCursor]).toStrictEqual([
      2,
      1,
      null,
    ]);
    expect([...page1.refunds, ...page2.refunds].map((r) => r.refundRequestId)).toStrictEqual(
      all.refunds.map((r) => r.refundRequestId),
    );
    const bad = await merchant("/api/refunds?status=refunded");
    expect(bad.status).toBe(400);

    // The follow-up settles the unclear one; its row follows, with a higher version.
    const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(first.paymentRequestId));
    for (let runs = 0; runs < 5 && (await runDurableObjectAlarm(stub)); runs += 1);
    const row = await env.DB.prepare(
      "SELECT status, version FROM refunds WHERE refund_request_id = ?",
    )
      .bind(unclear.refundRequestId)
      .first();
    expect(row).toStrictEqual({ status: "succeeded", version: 3 });

    const csv = await (
      await merchant(`/api/refunds/export.csv?paymentRequestId=${first.paymentRequestId}`)
    ).text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "refundRequestId,paymentRequestId,storeId,status,currency,amountValue,reason,resultCode,createdAt,updatedAt",
    );
    expect(
      lines
        .slice(1, -1)
        .map((line) => line.split(",").slice(0, 6))
        .sort(),
    ).toStrictEqual(
      [
        [done.refundRequestId, first.paymentRequestId, "test-store", "succeeded", "USD", "200"],
        [unclear.refundRequestId, first.paymentRequestId, "test-store", "succeeded", "USD", "300"],
      ].sort(),
    );
    expect(csv).toContain(',"cold, ""very""",SUCCESS,');
    expect(lines.at(-1)).toBe("");
  });

  it("does not index a refused refund", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    const refused = await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
      body: { amount: usd("5000") },
      headers: { "idempotency-key": "too-much" },
    });
    expect(refused.status).toBe(422);
    expect((await refunds(`?paymentRequestId=${created.paymentRequestId}`)).refunds).toStrictEqual(
      [],
    );
  });
});
