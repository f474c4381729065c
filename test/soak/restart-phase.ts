/**
 * The restart phase, after every payment is final: a batch of refunds is sent and its refund
 * answers held at the gateway, `wrangler dev` is restarted on the same local state, and the
 * refunds must be followed up from the objects' storage (their alarms inquire) and end right.
 * Half of the merchant's devices retry their cut-off request with the same key after the
 * restart (a replay, 200); the other half only watch.
 */
import type { Stack } from "../e2e/stack.ts";
import {
  addRefundFaults,
  idsByKey,
  newRefundRun,
  postRefund,
  REFUND_SETTLE_TIMEOUT_MS,
  type RefundRun,
  type TapRun,
  watchRefunds,
} from "./drive-refunds.ts";
import type { PlannedRefunds } from "./refund-plan.ts";

/** What the restart phase did. */
export interface RestartPhase {
  readonly runs: RefundRun[];
  /** Refunds at the gateway, their answers held, when the Worker was stopped. */
  readonly heldAtRestart: number;
  /** Milliseconds from stopping `wrangler dev` to the Worker answering again. */
  readonly restartMs: number;
  /** Milliseconds from the restart to every refund of the phase final. */
  readonly settleMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the phase for `batch` (planned refunds of paid payments, with their request ids). */
export async function runRestartPhase(
  stack: Stack,
  batch: readonly { plan: PlannedRefunds; paymentRequestId: string }[],
): Promise<RestartPhase> {
  const runs = batch.map(({ plan, paymentRequestId }) => newRefundRun(plan, paymentRequestId));
  const keyIds = await Promise.all(runs.map((run) => idsByKey(run.plan, run.paymentRequestId)));
  const started = runs.map(() => new Map<string, number>());
  for (const run of runs) addRefundFaults(stack, run);
  // Each payment's one held tap: sent, processed at the gateway, its answer held.
  const sending = runs.map((run, i) => {
    const tap = run.plan.taps[0];
    if (tap === undefined) return Promise.resolve(null);
    started[i]?.set(keyIds[i]?.get(tap.key) ?? "", performance.now());
    return postRefund(stack, run.paymentRequestId, tap).then((answer) => ({ tap, answer }));
  });
  const { sandbox } = stack.sandbox;
  const atGateway = () => runs.filter((r) => sandbox.refunds(r.paymentRequestId).length > 0).length;
  const deadline = Date.now() + 5000;
  while (atGateway() < runs.length && Date.now() < deadline) await sleep(20);
  const heldAtRestart = atGateway();
  const restartStarted = performance.now();
  await stack.restartWorker();
  const restartMs = performance.now() - restartStarted;
  const first = await Promise.all(sending);
  await Promise.all(
    runs.map(async (run, i) => {
      const sent = first[i];
      if (sent === null || sent === undefined) return;
      const tapRun: TapRun = { tap: sent.tap, answers: [sent.answer] };
      // Every other device retries with the same key: the refund as it stands, never a new one.
      if (i % 2 === 0) tapRun.answers.push(await postRefund(stack, run.paymentRequestId, sent.tap));
      run.taps.push(tapRun);
      await watchRefunds(
        stack,
        run,
        started[i] ?? new Map(),
        keyIds[i] ?? new Map(),
        REFUND_SETTLE_TIMEOUT_MS,
      );
    }),
  );
  return {
    runs,
    heldAtRestart,
    restartMs,
    settleMs: performance.now() - restartStarted - restartMs,
  };
}
