import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RefundStorage } from "../src/payment-object/refund-storage.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { createOrderCode, eventsOf, merchant, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const usd = (value: string) => ({ currency: "USD", value });
const stubOf = (id: string) => env.PAYMENTS.get(env.PAYMENTS.idFromName(id));

describe("a refund in flight when the payment object restarts", () => {
  it("is followed up from storage and ends with exactly one refund at the gateway", async () => {
    // The gateway makes the refund, then holds its answer: the object is torn down meanwhile.
    const sandbox = useSandboxGateway({
      faults: [{ kind: "hang", apis: ["refund"], count: 1, delayMs: 3_600_000 }],
    });
    const created = await createOrderCode();
    const id = created.paymentRequestId;
    sandbox.act(id, "pay");
    await sandbox.idle();
    const pending = merchant(`/api/payments/${id}/refunds`, {
      body: { amount: usd("600") },
      headers: { "idempotency-key": "tap-restart" },
    }).catch((error: unknown) => error);
    for (let turns = 0; turns < 500 && sandbox.refunds(id).length === 0; turns += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(sandbox.refunds(id).map((r) => r.amount.value)).toStrictEqual(["600"]);
    await abortAllDurableObjects();
    // The caller of the torn-down request hears a failure, and may retry with the same key.
    expect(((await pending) as Response).status).toBe(500);

    // Recorded before the call: the new instance finds it, and the watchdog alarm is set.
    const stored = await runInDurableObject(stubOf(id), async (_instance, ctx) => ({
      refunds: new RefundStorage(ctx.storage.sql).load()?.refunds.map((r) => r.status),
      alarm: await ctx.storage.getAlarm(),
    }));
    expect(stored.refunds).toStrictEqual(["sending"]);
    expect(stored.alarm).not.toBe(null);

    // A retry of the same tap meanwhile sends nothing: the refund is still in doubt. The first
    // request never got an answer (its object was torn down), so this one becomes the first.
    const retry = await merchant(`/api/payments/${id}/refunds`, {
      body: { amount: usd("600") },
      headers: { "idempotency-key": "tap-restart" },
    });
    expect([retry.status, ((await retry.json()) as { status: string }).status]).toStrictEqual([
      201,
      "processing",
    ]);

    // The alarms (first the index write the payment's notification left due) reach the refund's
    // follow-up once the lease of its unanswered call has passed: one inquiry settles it.
    let alarms = 0;
    while (alarms < 5 && (await runDurableObjectAlarm(stubOf(id)))) alarms += 1;
    expect(alarms).toBe(2);
    const view = await readPayment(id, created.statusToken);
    expect([view.refunds?.map((r) => r.status), view.refunded]).toStrictEqual([
      ["succeeded"],
      usd("600"),
    ]);
    const operations = (await eventsOf(id))
      .filter((e) => e.kind === "request")
      .map((e) => e.data.operation);
    expect(operations.filter((op) => op === "refund")).toHaveLength(1);
    expect(operations.filter((op) => op === "inquiryRefund")).toHaveLength(1);
    expect(sandbox.refunds(id).map((r) => r.amount.value)).toStrictEqual(["600"]);
    expect(sandbox.payment(id)?.refunded).toBe("600");
  });
});
