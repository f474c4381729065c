import { describe, expect, it } from "vitest";
import { createWorkerClient } from "../client/create-worker-client.ts";
import { createFakeWorker, testApiKey, testBaseUrl } from "../testing/fake-worker.ts";
import { listPayments, refundPayment } from "./merchant-calls.ts";

const usd = { currency: "USD", value: "599" };

describe("merchant calls", () => {
  it("lists with a query string and refunds with an idempotency key", async () => {
    const worker = createFakeWorker();
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: worker.fetch,
      apiKey: testApiKey,
    });
    const { statusToken: _, ...view } = worker.seed({ amount: usd });
    const page = await listPayments(client, { storeId: "store-test", limit: 20 });
    expect(page).toStrictEqual({ payments: [view], nextCursor: null });
    expect(await listPayments(client)).toStrictEqual(page);
    const refund = await refundPayment(
      client,
      view.paymentRequestId,
      { amount: usd, reason: "test" },
      "idem_test_r",
    );
    expect(refund).toStrictEqual({
      refundRequestId: "rfd_test_prq_test_0001_1",
      status: "processing",
      amount: usd,
    });
    expect(
      worker.calls.map((c) => [
        c.method,
        c.path,
        c.headers.authorization,
        c.headers["idempotency-key"],
        c.body,
      ]),
    ).toStrictEqual([
      [
        "GET",
        "/api/payments?storeId=store-test&limit=20",
        `Bearer ${testApiKey}`,
        undefined,
        undefined,
      ],
      ["GET", "/api/payments", `Bearer ${testApiKey}`, undefined, undefined],
      [
        "POST",
        "/api/payments/prq_test_0001/refunds",
        `Bearer ${testApiKey}`,
        "idem_test_r",
        { amount: usd, reason: "test" },
      ],
    ]);
  });

  it("refuses a listing that is not one", async () => {
    const client = createWorkerClient({
      baseUrl: testBaseUrl,
      fetch: async () => new Response(JSON.stringify({ payments: [{ id: 1 }], nextCursor: null })),
    });
    await expect(listPayments(client)).rejects.toMatchObject({ code: "RESPONSE_MALFORMED" });
  });
});
