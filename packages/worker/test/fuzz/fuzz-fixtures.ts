import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { Sandbox } from "@ams-edge/sandbox";
import { expect } from "vitest";
import { useSandboxGateway } from "../helpers/sandbox-gateway.ts";
import { paymentResultBody, signedNotification } from "../helpers/signed-notification.ts";
import { type CreatedPayment, createOrderCode, readPayment } from "../helpers/worker-http.ts";

/** Idempotency-Key of the paid fixture: reusing it with another body must answer 409. */
export const PAID_KEY = "fuzz-fixture-paid";

/** Payments that hostile inputs aim at: neither may change, and neither has an alarm pending. */
export interface FuzzFixtures {
  sandbox: Sandbox;
  /** USD 12.50, succeeded (refundable, cancellable: a reversal). */
  paid: CreatedPayment;
  /** USD 9.90, failed (neither refundable nor cancellable). */
  failed: CreatedPayment;
}

async function settle(created: CreatedPayment, resultStatus: "S" | "F"): Promise<void> {
  const body = paymentResultBody({
    paymentRequestId: created.paymentRequestId,
    paymentId: created.paymentId,
    value: created.amount.value,
    resultStatus,
  });
  const answer = await exports.default.fetch(await signedNotification(body));
  expect(answer.status).toBe(200);
  await answer.text();
}

// A failed payment is closed at the gateway by an alarm due at once; run every due alarm now,
// so that nothing moves once the sweep starts.
async function drainAlarms(created: CreatedPayment): Promise<void> {
  const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(created.paymentRequestId));
  for (let i = 0; i < 5 && (await runDurableObjectAlarm(stub)); i += 1) {
    // Each run re-arms from the new state; the loop ends when none is armed.
  }
}

/** Creates the two fixtures through the API and settles them with signed notifications. */
export async function createFixtures(): Promise<FuzzFixtures> {
  const sandbox = useSandboxGateway();
  const paid = await createOrderCode({}, { "idempotency-key": PAID_KEY });
  const failed = await createOrderCode({
    amount: { currency: "USD", value: "990" },
    description: "Declined order",
  });
  await settle(paid, "S");
  await settle(failed, "F");
  await drainAlarms(paid);
  await drainAlarms(failed);
  expect([
    (await readPayment(paid.paymentRequestId, paid.statusToken)).status,
    (await readPayment(failed.paymentRequestId, failed.statusToken)).status,
  ]).toStrictEqual(["succeeded", "failed"]);
  return { sandbox, paid, failed };
}
