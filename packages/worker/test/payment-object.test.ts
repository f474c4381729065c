import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createManualClock } from "@ams-edge/sandbox";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PaymentObject } from "../src/payment-object/payment-object.ts";
import { PaymentStorage } from "../src/payment-object/payment-storage.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { createOrderCode, eventsOf, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubOf(id: string): DurableObjectStub<PaymentObject> {
  return env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
}

/**
 * Runs the payment's alarms one after the other (each skips time forward to its planned moment)
 * until the status is final or `limit` alarms ran; returns the status after each.
 */
async function runAlarmsUntilFinal(id: string, token: string, limit = 12): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    if (!(await runDurableObjectAlarm(stubOf(id)))) break;
    const { status } = await readPayment(id, token);
    seen.push(status);
    if (!["creating", "awaiting_payment"].includes(status)) break;
  }
  return seen;
}

describe("PaymentObject storage", () => {
  it("keeps the state and an append-only log of the command, the exchange and the transition", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    const { state, events, alarm } = await runInDurableObject(
      stubOf(created.paymentRequestId),
      async (_instance, ctx) => {
        const storage = new PaymentStorage(ctx.storage.sql);
        return {
          state: storage.load()?.state,
          events: storage.events(),
          alarm: await ctx.storage.getAlarm(),
        };
      },
    );
    expect(state?.status).toBe("awaiting_payment");
    expect(state?.paymentId).toBe(sandbox.payment(created.paymentRequestId)?.paymentId);
    expect(events.map((e) => [e.seq, e.kind])).toStrictEqual([
      [1, "command"],
      [2, "request"],
      [3, "response"],
      [4, "response"],
      [5, "transition"],
    ]);
    const request = events[1]?.data as { operation: string; body: string };
    expect(request.operation).toBe("pay");
    expect(JSON.parse(request.body)).toMatchObject({
      paymentRequestId: created.paymentRequestId,
      paymentNotifyUrl: "https://worker.ams-edge.test/alipay/notify",
      paymentFactor: { inStorePaymentScenario: "OrderCode" },
    });
    expect(events[4]?.data).toMatchObject({ from: "creating", to: "awaiting_payment", version: 2 });
    // The first inquiry is armed on the state machine's schedule (2 s after the code).
    expect(alarm).toBe((state?.pay.acceptedAt ?? 0) + 15_000);
  });
});

describe("PaymentObject alarms", () => {
  it("settles a paid payment whose notification was dropped, by inquiry", async () => {
    const sandbox = useSandboxGateway({ faults: [{ kind: "drop-notification" }] });
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "awaiting_payment",
    );
    expect(await runAlarmsUntilFinal(created.paymentRequestId, created.statusToken)).toStrictEqual([
      "succeeded",
    ]);
    const inquiries = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "request" && e.data.operation === "inquiryPayment",
    );
    expect(inquiries).toHaveLength(1);
  });

  it("settles a declined payment whose notification was dropped as failed", async () => {
    const sandbox = useSandboxGateway({ faults: [{ kind: "drop-notification" }] });
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "decline", "USER_BALANCE_NOT_ENOUGH");
    await sandbox.idle();
    const seen = await runAlarmsUntilFinal(created.paymentRequestId, created.statusToken);
    expect(seen.at(-1)).toBe("failed");
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(view.resultCode).toBe("USER_BALANCE_NOT_ENOUGH");
  });

  it("inquires once more at expiry, then cancels: expired, cancelled at the gateway", async () => {
    // The sandbox's clock stands still, so the gateway has not closed the order by itself.
    const sandbox = useSandboxGateway({ clock: createManualClock(Date.now()) });
    const created = await createOrderCode({ expiresInSeconds: 2 });
    // The alarm after expiry inquires (unpaid), then cancels; run them as they come due.
    await scheduler.wait(Date.parse(created.expiresAt) - Date.now() + 50);
    await runAlarmsUntilFinal(created.paymentRequestId, created.statusToken);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "expired",
    );
    expect(sandbox.payment(created.paymentRequestId)?.status).toBe("CANCELLED");
    const cancels = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "request" && e.data.operation === "cancel",
    );
    expect(cancels).toHaveLength(1);
  });

  it("re-sends pay with the same request id after unknown answers: one payment at the gateway", async () => {
    const sandbox = useSandboxGateway({
      faults: [{ kind: "unknown-result", apis: ["pay"], count: 3 }],
    });
    const created = await createOrderCode();
    expect(created.status).toBe("creating");
    expect(
      await runAlarmsUntilFinal(created.paymentRequestId, created.statusToken, 1),
    ).toStrictEqual(["awaiting_payment"]);
    expect(sandbox.payments().map((p) => p.paymentRequestId)).toStrictEqual([
      created.paymentRequestId,
    ]);
    const pays = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "request" && e.data.operation === "pay",
    );
    expect(
      new Set(pays.map((e) => JSON.parse(String(e.data.body)).paymentRequestId)),
    ).toStrictEqual(new Set([created.paymentRequestId]));
    expect(pays).toHaveLength(4);
  });

  it("survives HTTP 500 on pay by retrying the same request", async () => {
    const sandbox = useSandboxGateway({
      faults: [{ kind: "http-error", apis: ["pay"], count: 1 }],
    });
    const created = await createOrderCode();
    expect(created.status).toBe("awaiting_payment");
    expect(sandbox.payments()).toHaveLength(1);
  });

  it("is safe to run twice at once: the same outcome, nothing paid twice", async () => {
    const sandbox = useSandboxGateway({ faults: [{ kind: "drop-notification" }] });
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    const stub = stubOf(created.paymentRequestId);
    await runInDurableObject(stub, async (instance) => {
      await Promise.all([instance.alarm(), instance.alarm()]);
    });
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(view.status).toBe("succeeded");
    const transitions = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "transition",
    );
    const moves = transitions.filter((e) => e.data.from !== e.data.to).map((e) => e.data.to);
    expect(moves).toStrictEqual(["awaiting_payment", "succeeded"]);
    expect(sandbox.payments()).toHaveLength(1);
  });
});
