import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { createAmsClient } from "@ams-edge/core";
import type { SandboxOptions } from "@ams-edge/sandbox";
import { afterEach, describe, expect, it, vi } from "vitest";
import { refundRequestIdForKey } from "../src/payments/refund-request-id.ts";
import { TEST_CLIENT_ID, TEST_GATEWAY_URL } from "./fixtures/test-config.ts";
import { TEST_ALIPAY_PUBLIC_KEY, TEST_MERCHANT_PRIVATE_KEY } from "./fixtures/test-keys.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { signedNotification } from "./helpers/signed-notification.ts";
import {
  type CreatedPayment,
  createOrderCode,
  merchant,
  readPayment,
} from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function paidPayment(options: Partial<SandboxOptions> = {}) {
  const sandbox = useSandboxGateway(options);
  const created = await createOrderCode();
  sandbox.act(created.paymentRequestId, "pay");
  await sandbox.idle();
  return { sandbox, created };
}

async function refund(
  created: CreatedPayment,
  body: Record<string, unknown>,
  key?: string,
): Promise<[number, Record<string, unknown>]> {
  const response = await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
    body,
    headers: key === undefined ? {} : { "idempotency-key": key },
  });
  return [response.status, (await response.json()) as Record<string, unknown>];
}

/** The whole answer: status, body and whether it was marked a replay. */
async function refundResponse(
  created: CreatedPayment,
  body: Record<string, unknown>,
  key: string,
): Promise<{ status: number; body: Record<string, unknown>; replayed: string | null }> {
  const response = await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
    body,
    headers: { "idempotency-key": key },
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    replayed: response.headers.get("idempotent-replayed"),
  };
}

const usd = (value: string) => ({ currency: "USD", value });
const stubOf = (id: string) => env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
const UNCLEAR_REFUND = {
  kind: "unknown-result",
  apis: ["refund"],
  count: 1,
  resultCode: "PAYMENT_IN_PROCESS",
} as const;

describe("POST /api/payments/:id/refunds: idempotency", () => {
  it("requires an Idempotency-Key (400), and refunds nothing without one", async () => {
    const { sandbox, created } = await paidPayment();
    const [status, body] = await refund(created, { amount: usd("100") });
    expect([status, body]).toStrictEqual([
      400,
      {
        error: {
          code: "INVALID_REQUEST",
          message:
            "expected an Idempotency-Key header: a refund moves money, so every request needs a key that makes its retries safe (a new UUID per refund, the same one for each retry of it)",
        },
      },
    ]);
    expect(sandbox.refunds(created.paymentRequestId)).toStrictEqual([]);
  });

  it("answers 409 when the key comes back with another amount or reason, and refunds once", async () => {
    const { sandbox, created } = await paidPayment();
    const [first] = await refund(created, { amount: usd("400"), reason: "cold" }, "tap-1");
    expect(first).toBe(201);
    const [other, conflict] = await refund(
      created,
      { amount: usd("300"), reason: "cold" },
      "tap-1",
    );
    expect([other, conflict]).toStrictEqual([
      409,
      {
        error: {
          code: "IDEMPOTENCY_KEY_REUSED",
          message:
            "this Idempotency-Key was used for a refund of 400 USD (minor units); retry with the same body, or use a new key for a new refund",
        },
      },
    ]);
    const [reason, reasonConflict] = await refund(created, { amount: usd("400") }, "tap-1");
    expect([reason, (reasonConflict.error as { message: string }).message]).toStrictEqual([
      409,
      "this Idempotency-Key was used for a refund with another reason; retry with the same body, or use a new key for a new refund",
    ]);
    expect(sandbox.refunds(created.paymentRequestId).map((r) => r.amount.value)).toStrictEqual([
      "400",
    ]);
  });

  it("answers a replay with the first answer again (status and body), sending nothing again", async () => {
    const { sandbox, created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    const first = await refundResponse(created, { amount: usd("500") }, "tap-2");
    expect([first.status, first.body.status, first.replayed]).toStrictEqual([
      201,
      "processing",
      null,
    ]);
    const again = await refundResponse(created, { amount: usd("500") }, "tap-2");
    expect(again).toStrictEqual({ ...first, replayed: "true" });
    // The follow-up settles it; a replay still gets the first answer, and the refund as it
    // stands now is in the refund list.
    expect(await runDurableObjectAlarm(stubOf(created.paymentRequestId))).toBe(true);
    expect(await refundResponse(created, { amount: usd("500") }, "tap-2")).toStrictEqual({
      ...first,
      replayed: "true",
    });
    const list = (await (
      await merchant(`/api/refunds?paymentRequestId=${created.paymentRequestId}`)
    ).json()) as { refunds: { refundRequestId: string; status: string }[] };
    expect(list.refunds.map((r) => [r.refundRequestId, r.status])).toStrictEqual([
      [first.body.refundRequestId, "succeeded"],
    ]);
    expect(sandbox.refunds(created.paymentRequestId)).toHaveLength(1);
  });

  it("answers a retry sent while the first is still out with the first's outcome", async () => {
    const { sandbox, created } = await paidPayment();
    const [a, b] = await Promise.all([
      refund(created, { amount: usd("300") }, "tap-twice"),
      refund(created, { amount: usd("300") }, "tap-twice"),
    ]);
    expect([a[0], b[0]]).toStrictEqual([201, 201]);
    expect([a[1].status, b[1]]).toStrictEqual(["succeeded", a[1]]);
    expect(sandbox.refunds(created.paymentRequestId)).toHaveLength(1);
  });

  it("does not bind a key to a refused request", async () => {
    const { created } = await paidPayment();
    const [refused, body] = await refund(created, { amount: usd("2000") }, "tap-3");
    expect([refused, (body.error as { code: string }).code]).toStrictEqual([
      422,
      "REFUND_AMOUNT_EXCEEDED",
    ]);
    const [status, accepted] = await refund(created, { amount: usd("200") }, "tap-3");
    expect([status, accepted.status]).toStrictEqual([201, "succeeded"]);
  });

  it("counts a refund in flight: two taps with new keys cannot both go past the paid amount", async () => {
    const { sandbox, created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    // Both at once: the first is recorded before its call, so the second sees it.
    const [a, b] = await Promise.all([
      refund(created, { amount: usd("700") }, "tap-a"),
      refund(created, { amount: usd("700") }, "tap-b"),
    ]);
    expect([a[0], b[0]].sort()).toStrictEqual([201, 422]);
    const refused = a[0] === 422 ? a[1] : b[1];
    expect(refused.error).toStrictEqual({
      code: "REFUND_AMOUNT_EXCEEDED",
      message: "expected at most 550 (minor units) still refundable; got 700",
    });
    // The first is still unclear (U): it counts until the gateway settles it.
    const [third, body] = await refund(created, { amount: usd("600") }, "tap-c");
    expect([third, (body.error as { code: string }).code]).toStrictEqual([
      422,
      "REFUND_AMOUNT_EXCEEDED",
    ]);
    expect(sandbox.refunds(created.paymentRequestId).map((r) => r.amount.value)).toStrictEqual([
      "700",
    ]);
  });

  it("derives the refund id from the payment and the key, with the payment's id in front", async () => {
    const { created } = await paidPayment();
    const id = created.paymentRequestId;
    const [, body] = await refund(created, { amount: usd("100") }, "derive-me");
    expect(body.refundRequestId).toBe(await refundRequestIdForKey(id, "derive-me"));
    expect(String(body.refundRequestId)).toMatch(new RegExp(`^${id}_[0-9a-f]{16}$`));
    expect(String(body.refundRequestId).length).toBeLessThanOrEqual(64);
  });
});

describe("REPEAT_REQ_INCONSISTENT never erases a refund in doubt", () => {
  it("keeps a refund answered U unclear when REPEAT_REQ_INCONSISTENT follows, and the inquiry settles it", async () => {
    const { sandbox, created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    const id = created.paymentRequestId;
    const [, first] = await refund(created, { amount: usd("400") }, "tap-u");
    expect(first.status).toBe("processing");
    const notice = JSON.stringify({
      notifyType: "REFUND_RESULT",
      result: {
        resultCode: "REPEAT_REQ_INCONSISTENT",
        resultStatus: "F",
        resultMessage: "repeated",
      },
      refundRequestId: first.refundRequestId,
      paymentId: created.paymentId,
    });
    expect((await exports.default.fetch(await signedNotification(notice))).status).toBe(200);
    const view = await readPayment(id, created.statusToken);
    expect(view.refunds?.map((r) => [r.status, r.resultCode])).toStrictEqual([
      ["processing", "PAYMENT_IN_PROCESS"],
    ]);
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    const settled = await readPayment(id, created.statusToken);
    expect([settled.refunds?.[0]?.status, settled.refunded]).toStrictEqual([
      "succeeded",
      usd("400"),
    ]);
    expect(sandbox.refunds(id)).toHaveLength(1);
  });

  it("keeps it unclear, flagged, when the gateway holds another refund under the id", async () => {
    const { sandbox, created } = await paidPayment();
    const id = created.paymentRequestId;
    const refundRequestId = await refundRequestIdForKey(id, "tap-held");
    // Another system already used this refund id, for another amount.
    const other = createAmsClient({
      clientId: TEST_CLIENT_ID,
      privateKey: TEST_MERCHANT_PRIVATE_KEY,
      alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
      gateway: TEST_GATEWAY_URL,
    });
    const held = await other.refund({
      refundRequestId,
      paymentId: created.paymentId ?? "",
      refundAmount: usd("300"),
    });
    expect(held.status).toBe("S");
    const [status, answer] = await refund(created, { amount: usd("400") }, "tap-held");
    expect([status, answer.status, answer.resultCode]).toStrictEqual([
      201,
      "processing",
      "REPEAT_REQ_INCONSISTENT",
    ]);
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    const view = await readPayment(id, created.statusToken);
    expect([view.refunds?.[0]?.status, view.refunded.value, view.attention?.reason]).toStrictEqual([
      "processing",
      "0",
      "REFUND_UNSETTLED",
    ]);
    // Flagged: nothing more is scheduled for it.
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(false);
    expect(sandbox.refunds(id).map((r) => r.amount.value)).toStrictEqual(["300"]);
  });
});
