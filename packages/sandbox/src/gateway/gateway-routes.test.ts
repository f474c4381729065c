import { type AmsClient, createAmsClient } from "@ams-edge/core";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../clock/manual-clock.ts";
import type { GatewayApi } from "../faults/fault-rule.ts";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../fixtures/test-keys.ts";
import { createSandbox } from "../sandbox/create-sandbox.ts";
import type { Sandbox } from "../sandbox/sandbox.ts";

const CLIENT_ID = "SANDBOX_UNIT";
const ACK = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function start(): { s: Sandbox; client: AmsClient } {
  const s = createSandbox({
    merchants: [{ clientId: CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
    alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
    clock: createManualClock(Date.parse("2026-03-01T00:00:00Z")),
    fetch: async () => new Response(ACK),
  });
  sandbox = s;
  const client = createAmsClient({
    clientId: CLIENT_ID,
    privateKey: TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: "http://127.0.0.1:1",
    retry: false,
    fetch: (input, init) => s.fetch(new Request(input, init)),
  });
  return { s, client };
}

const order = (paymentRequestId: string) => ({
  paymentRequestId,
  paymentAmount: { currency: "USD", value: "599" },
  orderDescription: "Tea",
  merchant: {
    referenceMerchantId: "M",
    merchantMCC: "5812",
    merchantName: "Tea Room",
    store: { referenceStoreId: "S", storeName: "Tea Room" },
  },
  paymentNotifyUrl: "http://merchant.test/notify",
});

const TRAFFIC_LIMIT = {
  ok: false,
  status: "U",
  resultCode: "REQUEST_TRAFFIC_EXCEED_LIMIT",
  resultMessage: "Too many requests; back off and retry.",
};

/** A paid payment `p-1` with one refund `r-1` and an unpaid `p-3`: something for every operation. */
async function paidWithRefund(s: Sandbox, client: AmsClient): Promise<void> {
  await client.createOrderCode(order("p-3"));
  await client.createOrderCode(order("p-1"));
  s.act("p-1", "pay");
  await client.refund({
    refundRequestId: "r-1",
    paymentId: s.payment("p-1")?.paymentId ?? "",
    refundAmount: { currency: "USD", value: "100" },
  });
}

describe("traffic-limit", () => {
  const CASES: [
    GatewayApi,
    (c: AmsClient, s: Sandbox) => Promise<unknown>,
    (s: Sandbox) => unknown,
  ][] = [
    ["pay", (c) => c.createOrderCode(order("p-2")), (s) => s.payment("p-2")?.status],
    [
      "inquiryPayment",
      (c) => c.inquiryPayment({ paymentRequestId: "p-1" }),
      (s) => s.payment("p-1")?.status,
    ],
    ["cancel", (c) => c.cancel({ paymentRequestId: "p-3" }), (s) => s.payment("p-3")?.status],
    [
      "refund",
      (c, s) =>
        c.refund({
          refundRequestId: "r-2",
          paymentId: s.payment("p-1")?.paymentId ?? "",
          refundAmount: { currency: "USD", value: "50" },
        }),
      (s) => s.payment("p-1")?.refunded,
    ],
    ["inquiryRefund", (c) => c.inquiryRefund({ refundRequestId: "r-1" }), () => "no state"],
  ];

  it.each(CASES)(
    "turns %s away with U REQUEST_TRAFFIC_EXCEED_LIMIT before doing anything; the same call then succeeds",
    async (api, call, state) => {
      const { s, client } = start();
      await paidWithRefund(s, client);
      const before = state(s);
      s.faults.add({ kind: "traffic-limit", apis: [api], count: 1 });

      const limited = await call(client, s);
      expect(limited).toMatchObject(TRAFFIC_LIMIT);
      expect(state(s)).toStrictEqual(before);
      expect(s.faults.list().map((f) => [f.kind, f.struck])).toStrictEqual([["traffic-limit", 1]]);

      const retried = await call(client, s);
      expect(retried).toMatchObject({ ok: true, status: "S" });
    },
  );

  it("applies to every operation by default, and to one payment when asked", async () => {
    const { s, client } = start();
    await client.createOrderCode(order("p-1"));
    await client.createOrderCode(order("p-2"));
    s.faults.add({ kind: "traffic-limit", paymentRequestId: "p-2" });
    await expect(client.inquiryPayment({ paymentRequestId: "p-1" })).resolves.toMatchObject({
      status: "S",
    });
    await expect(client.inquiryPayment({ paymentRequestId: "p-2" })).resolves.toMatchObject(
      TRAFFIC_LIMIT,
    );
    await expect(client.cancel({ paymentRequestId: "p-2" })).resolves.toMatchObject(TRAFFIC_LIMIT);
    expect(s.payment("p-2")?.status).toBe("PENDING");
  });
});
