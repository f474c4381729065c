import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { DEFAULT_PAYMENT_SCHEDULE } from "@ams-edge/core";
import type { PaymentView } from "@ams-edge/core/api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { call, createOrderCode, merchant } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

// The gateway never answers a cancel clearly (it closes the order all the same). A U the client
// does not retry by itself, so that each alarm makes one call.
const CANCEL_UNCLEAR = {
  kind: "unknown-result",
  apis: ["cancel"],
  resultCode: "PAYMENT_IN_PROCESS",
} as const;

async function flagged(): Promise<PaymentView[]> {
  const response = await merchant("/api/payments?attention=true");
  expect(response.status).toBe(200);
  return ((await response.json()) as { payments: PaymentView[] }).payments;
}

async function inquire(id: string): Promise<PaymentView> {
  const response = await merchant(`/api/payments/${id}/inquire`, { method: "POST" });
  expect(response.status).toBe(200);
  return (await response.json()) as PaymentView;
}

/** A merchant's cancel the gateway never answers clearly, retried on the alarm to its limit. */
async function unansweredCancel() {
  const sandbox = useSandboxGateway({ faults: [CANCEL_UNCLEAR] });
  const created = await createOrderCode();
  const id = created.paymentRequestId;
  const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
  const cancelled = await merchant(`/api/payments/${id}/cancel`, { method: "POST" });
  expect(((await cancelled.json()) as PaymentView).attention).toBeNull();
  let alarms = 0;
  while (alarms < 40 && (await runDurableObjectAlarm(stub))) alarms += 1;
  return { sandbox, id, alarms };
}

describe("a payment whose follow-up reaches its limit", () => {
  it("is flagged, listed by ?attention=true and in the export, and stops retrying", async () => {
    const { id, alarms } = await unansweredCancel();
    // The merchant's cancel and then one alarm per retry, up to the limit; then nothing is armed.
    expect(alarms).toBe(DEFAULT_PAYMENT_SCHEDULE.cancelAttemptLimit - 1);
    const listed = await flagged();
    expect(
      listed.map((view) => [view.paymentRequestId, view.status, view.attention?.reason]),
    ).toStrictEqual([[id, "awaiting_payment", "CANCEL_UNANSWERED"]]);
    const since = listed[0]?.attention?.since ?? "";
    expect(Date.parse(since)).toBeGreaterThan(0);
    const others = await merchant("/api/payments?attention=false");
    expect(((await others.json()) as { payments: PaymentView[] }).payments).toStrictEqual([]);

    const csv = (await (await merchant("/api/payments/export.csv?attention=true")).text()).split(
      "\r\n",
    );
    expect(csv[1]?.endsWith(`,CANCEL_UNANSWERED,${since}`)).toBe(true);
    expect(csv.length).toBe(3);

    const log = (await (await merchant(`/api/payments/${id}/events`)).json()) as {
      events: { kind: string; data: { operation?: string } }[];
    };
    const cancels = log.events.filter((e) => e.kind === "request" && e.data.operation === "cancel");
    expect(cancels.length).toBe(DEFAULT_PAYMENT_SCHEDULE.cancelAttemptLimit);
  });

  it("keeps the flag on an unclear inquiry and clears it once the gateway answers clearly", async () => {
    const { sandbox, id } = await unansweredCancel();
    const [inquiryFault] = sandbox.faults.add({
      kind: "unknown-result",
      apis: ["inquiryPayment"],
      resultCode: "PAYMENT_IN_PROCESS",
    });
    const unclear = await inquire(id);
    expect([unclear.status, unclear.attention?.reason]).toStrictEqual([
      "awaiting_payment",
      "CANCEL_UNANSWERED",
    ]);
    expect((await flagged()).map((view) => view.paymentRequestId)).toStrictEqual([id]);

    sandbox.faults.remove(inquiryFault?.id ?? "");
    // The cancels did close the order at the gateway: the inquiry says CANCELLED.
    const clear = await inquire(id);
    expect([clear.status, clear.attention]).toStrictEqual(["cancelled", null]);
    expect(await flagged()).toStrictEqual([]);
  });

  it("flags a refund whose inquiries never settle it, and clears once the gateway answers", async () => {
    const sandbox = useSandboxGateway({
      faults: [
        { kind: "unknown-result", apis: ["refund"], count: 1, resultCode: "PAYMENT_IN_PROCESS" },
        { kind: "unknown-result", apis: ["inquiryRefund"], resultCode: "PAYMENT_IN_PROCESS" },
      ],
    });
    const created = await createOrderCode();
    const id = created.paymentRequestId;
    sandbox.act(id, "pay");
    await sandbox.idle();
    const refund = await merchant(`/api/payments/${id}/refunds`, {
      body: { amount: { currency: "USD", value: "500" } },
      headers: { "idempotency-key": "unsettled-refund" },
    });
    expect(((await refund.json()) as { status: string }).status).toBe("processing");
    const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
    let alarms = 0;
    while (alarms < 60 && (await runDurableObjectAlarm(stub))) alarms += 1;
    expect(alarms).toBe(40);
    const [listed] = await flagged();
    expect([listed?.paymentRequestId, listed?.status, listed?.attention?.reason]).toStrictEqual([
      id,
      "succeeded",
      "REFUND_UNSETTLED",
    ]);

    // Still unclear: the flag stays. Then the gateway answers: refunded, and the flag is gone.
    expect((await inquire(id)).attention?.reason).toBe("REFUND_UNSETTLED");
    sandbox.faults.clear();
    const settled = await inquire(id);
    expect([settled.status, settled.attention, settled.refunded.value]).toStrictEqual([
      "succeeded",
      null,
      "500",
    ]);
    expect(await flagged()).toStrictEqual([]);
  });

  it("answers 404 for an unknown payment and 401 without the API key", async () => {
    useSandboxGateway();
    const unknown = await merchant("/api/payments/no-such-payment/inquire", { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      "PAYMENT_NOT_FOUND",
    );
    const anonymous = await call("/api/payments/no-such-payment/inquire", { method: "POST" });
    expect(anonymous.status).toBe(401);
  });
});
