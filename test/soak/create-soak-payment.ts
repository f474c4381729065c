/** Creating one soak payment, and aiming its planned faults at it. */
import type { CreatedPayment } from "@ams-edge/core/api";
import { paymentRequestIdForKey } from "../../packages/worker/src/payments/payment-request-id.ts";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import type { PaymentRun } from "./drive-payment.ts";
import type { PlannedPayment } from "./soak-plan.ts";

type CreatedBody = Pick<
  CreatedPayment,
  "paymentRequestId" | "statusToken" | "status" | "redirectUrl"
>;

/**
 * Creates the payment as planned: Order Code over the merchant API (sent twice at once when the
 * plan replays it), Entry Code over the public page's API. Pins the plan's fault rules to the
 * payment's request id (before pay for Order Code, so pay faults can strike), and records the
 * answer and the fault ids in `run`.
 */
export async function createSoakPayment(
  stack: Stack,
  plan: PlannedPayment,
  run: PaymentRun,
): Promise<void> {
  const amount = { currency: "USD", value: plan.amount };
  let responses: Response[];
  if (plan.channel === "EntryCode") {
    responses = [
      await fetch(`${stack.workerUrl}/api/entry/demo-store/payments`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "AlipayClient/10.5 (soak)" },
        body: JSON.stringify({ amount }),
      }),
    ];
  } else {
    const id = await paymentRequestIdForKey(plan.idempotencyKey);
    // Faults go in before pay is sent: some strike pay itself.
    addFaults(stack, plan, id, run);
    const body = {
      amount,
      description: `Soak order ${plan.index}`,
      storeId: "demo-store",
      ...(plan.expiresInSeconds === null ? {} : { expiresInSeconds: plan.expiresInSeconds }),
    };
    const send = () =>
      merchant(stack, "/api/payments", {
        body,
        headers: { "idempotency-key": plan.idempotencyKey },
      });
    responses = await Promise.all(plan.replayCreate ? [send(), send()] : [send()]);
  }
  const bodies: CreatedBody[] = [];
  for (const response of responses) {
    run.createStatuses.push(response.status);
    if (response.status === 200 || response.status === 201) {
      bodies.push((await response.json()) as CreatedBody);
    } else {
      run.problems.push(`create answered ${response.status}: ${await response.text()}`);
    }
  }
  const first = bodies[0];
  if (first === undefined || bodies.length !== responses.length) return;
  run.paymentRequestId = first.paymentRequestId;
  run.statusToken = first.statusToken;
  run.lastStatus = first.status;
  run.redirectUrl = first.redirectUrl;
  if (plan.channel === "EntryCode") addFaults(stack, plan, first.paymentRequestId, run);
  const ids = new Set(bodies.map((b) => b.paymentRequestId));
  const created = run.createStatuses.filter((s) => s === 201).length;
  if (ids.size !== 1 || created !== 1) {
    run.problems.push(
      `create replay: expected one 201 and one payment, got statuses ${run.createStatuses.join(",")} for ${[...ids].join(",")}`,
    );
  }
}

/** Adds the plan's fault rules for this payment (without the soak's labels); records their ids. */
function addFaults(
  stack: Stack,
  plan: PlannedPayment,
  paymentRequestId: string,
  run: PaymentRun,
): void {
  if (plan.faults.length === 0) return;
  const rules = plan.faults.map(({ label: _label, ...rule }) => ({ ...rule, paymentRequestId }));
  run.faultIds = stack.sandbox.sandbox.faults.add(rules).map((fault) => fault.id);
}
