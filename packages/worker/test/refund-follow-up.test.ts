import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { SandboxOptions } from "@ams-edge/sandbox";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PaymentObject } from "../src/payment-object/payment-object.ts";
import { RefundStorage } from "../src/payment-object/refund-storage.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { paymentResultBody, signedNotification } from "./helpers/signed-notification.ts";
import {
  type CreatedPayment,
  createOrderCode,
  eventsOf,
  type LoggedEntry,
  merchant,
  readPayment,
} from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

// The gateway takes the refund but answers U: not retried by the client, so one refund call.
const UNCLEAR_REFUND = {
  kind: "unknown-result",
  apis: ["refund"],
  count: 1,
  resultCode: "PAYMENT_IN_PROCESS",
} as const;

function stubOf(id: string): DurableObjectStub<PaymentObject> {
  return env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
}

async function paidPayment(options: Partial<SandboxOptions>) {
  const sandbox = useSandboxGateway(options);
  const created = await createOrderCode();
  sandbox.act(created.paymentRequestId, "pay");
  await sandbox.idle();
  return { sandbox, created };
}

async function refund(created: CreatedPayment, value: string): Promise<Record<string, unknown>> {
  const response = await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
    body: { amount: { currency: "USD", value } },
    headers: { "idempotency-key": `refund-${value}` },
  });
  expect([200, 201]).toContain(response.status);
  return (await response.json()) as Record<string, unknown>;
}

const refundStatuses = (view: { refunds?: { status: string }[] | undefined }) =>
  (view.refunds ?? []).map((r) => r.status);

/** The alarm armed now, and when the unclear refund was answered. */
async function alarmAndRefundTime(id: string, refundRequestId: string) {
  return runInDurableObject(stubOf(id), async (_instance, ctx) => ({
    alarm: await ctx.storage.getAlarm(),
    answeredAt: new RefundStorage(ctx.storage.sql)
      .load()
      ?.refunds.find((r) => r.refundRequestId === refundRequestId)?.answeredAt,
  }));
}

const inquiries = (log: LoggedEntry[]) =>
  log.filter((e) => e.kind === "request" && e.data.operation === "inquiryRefund");

const refundTransitions = (log: LoggedEntry[]) =>
  log
    .filter((e) => e.kind === "transition" && typeof e.data.refundRequestId === "string")
    .map((e) => [e.data.from, e.data.to, (e.data.event as { type: string }).type]);

async function refundedIndex(id: string): Promise<unknown> {
  return env.DB.prepare("SELECT refunded_value FROM payments WHERE payment_request_id = ?")
    .bind(id)
    .first();
}

describe("a refund the gateway answers U", () => {
  it("is inquired about on the alarm and recorded as refunded when the gateway says SUCCESS", async () => {
    const { sandbox, created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    const id = created.paymentRequestId;
    const answer = await refund(created, "500");
    expect(answer.status).toBe("processing");
    expect(sandbox.payment(id)?.refunded).toBe("500");
    expect((await readPayment(id, created.statusToken)).refunded).toStrictEqual({
      currency: "USD",
      value: "0",
    });
    const refundRequestId = String(answer.refundRequestId);
    const armed = await alarmAndRefundTime(id, refundRequestId);
    expect(armed.alarm).toBe((armed.answeredAt ?? 0) + 15_000);

    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    const view = await readPayment(id, created.statusToken);
    expect([view.status, view.refunded]).toStrictEqual([
      "succeeded",
      { currency: "USD", value: "500" },
    ]);
    const log = await eventsOf(id);
    expect(inquiries(log).map((e) => JSON.parse(String(e.data.body)))).toStrictEqual([
      { refundRequestId },
    ]);
    expect(refundTransitions(log)).toStrictEqual([
      [null, "sending", "refund_requested"],
      ["sending", "unclear", "refund_result"],
      ["unclear", "succeeded", "refund_inquiry_result"],
    ]);
    expect(await refundedIndex(id)).toStrictEqual({ refunded_value: "500" });
    expect((await alarmAndRefundTime(id, refundRequestId)).alarm).toBe(null);
    // The merchant's retry of the same refund gets its first answer again, and the payment's view
    // has the outcome; nothing is refunded twice.
    expect((await refund(created, "500")).status).toBe("processing");
    expect(refundStatuses(await readPayment(id, created.statusToken))).toStrictEqual(["succeeded"]);
    expect(sandbox.payment(id)?.refunded).toBe("500");
  });

  it("asks again, later, while the inquiry itself is unclear", async () => {
    const { created } = await paidPayment({
      faults: [
        UNCLEAR_REFUND,
        {
          kind: "unknown-result",
          apis: ["inquiryRefund"],
          count: 1,
          resultCode: "PAYMENT_IN_PROCESS",
        },
      ],
    });
    const id = created.paymentRequestId;
    const refundRequestId = String((await refund(created, "1250")).refundRequestId);
    const first = await alarmAndRefundTime(id, refundRequestId);
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    // The first inquiry was unclear: the second waits the schedule's next delay (28 s).
    expect((await alarmAndRefundTime(id, refundRequestId)).alarm).toBe((first.alarm ?? 0) + 28_000);
    expect((await readPayment(id, created.statusToken)).refunded.value).toBe("0");
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    expect((await readPayment(id, created.statusToken)).refunded.value).toBe("1250");
    expect(inquiries(await eventsOf(id))).toHaveLength(2);
  });

  it("is failed when the gateway never took it (ORDER_NOT_EXIST, past the limit and the lease)", async () => {
    // The Worker heard of a success the gateway does not know (a signed notification), so the
    // gateway refuses the refund; the U answer hides that refusal.
    const sandbox = useSandboxGateway({ faults: [UNCLEAR_REFUND] });
    const created = await createOrderCode();
    const id = created.paymentRequestId;
    const success = paymentResultBody({
      paymentRequestId: id,
      paymentId: created.paymentId,
      value: "1250",
    });
    expect((await exports.default.fetch(await signedNotification(success))).status).toBe(200);
    const answer = await refund(created, "300");
    expect(answer.status).toBe("processing");
    expect(sandbox.payment(id)?.refunded).toBe("0");

    let alarms = 0;
    while (alarms < 20 && (await runDurableObjectAlarm(stubOf(id)))) alarms += 1;
    // Inquiries 15 and 43 s after the answer miss; the third miss, at 71 s, is past the 60 s
    // lease: the refund is failed.
    expect(alarms).toBe(3);
    const log = await eventsOf(id);
    expect(inquiries(log)).toHaveLength(3);
    expect(refundTransitions(log)).toStrictEqual([
      [null, "sending", "refund_requested"],
      ["sending", "unclear", "refund_result"],
      ["unclear", "unclear", "refund_inquiry_result"],
      ["unclear", "unclear", "refund_inquiry_result"],
      ["unclear", "failed", "refund_inquiry_result"],
    ]);
    const view = await readPayment(id, created.statusToken);
    expect([view.refunded.value, refundStatuses(view)]).toStrictEqual(["0", ["failed"]]);
  });

  it("stops inquiring once a REFUND_RESULT notification settles it", async () => {
    const { created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    const id = created.paymentRequestId;
    const refundRequestId = String((await refund(created, "200")).refundRequestId);
    const body = JSON.stringify({
      notifyType: "REFUND_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      refundStatus: "SUCCESS",
      refundRequestId,
      paymentId: created.paymentId,
      refundAmount: { currency: "USD", value: "200" },
    });
    expect((await exports.default.fetch(await signedNotification(body))).status).toBe(200);
    expect((await readPayment(id, created.statusToken)).refunded.value).toBe("200");
    // The alarm still runs once, at once, to bring the D1 index up to date; then none is set.
    for (let runs = 0; runs < 3 && (await runDurableObjectAlarm(stubOf(id))); runs += 1);
    expect((await alarmAndRefundTime(id, refundRequestId)).alarm).toBe(null);
    expect(inquiries(await eventsOf(id))).toStrictEqual([]);
  });

  it("is inquired about once when two alarms run at the same time", async () => {
    const { created } = await paidPayment({ faults: [UNCLEAR_REFUND] });
    const id = created.paymentRequestId;
    await refund(created, "700");
    await runInDurableObject(stubOf(id), async (instance) => {
      await Promise.all([instance.alarm(), instance.alarm()]);
    });
    expect((await readPayment(id, created.statusToken)).refunded.value).toBe("700");
    expect(inquiries(await eventsOf(id))).toHaveLength(1);
  });
});
