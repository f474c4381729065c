/**
 * The seeded soak test: N payments through the sandbox gateway and the Worker under
 * `wrangler dev`, with faults mixed in, each checked against the gateway's ledger. Prints a
 * summary table and ends with `soak: N passed, N failed` (one check per payment, plus the global
 * checks); exits 1 when anything failed.
 *
 * Usage: node --conditions=@ams-edge/source test/soak/soak.ts [--payments 100] [--seed 1]
 *        [--concurrency 12] [--timeout <seconds>]
 */
import { parseArgs } from "node:util";
import { type Stack, startStack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import { checkPayment, type PaymentEvidence } from "./check-payment.ts";
import { checkRefunds, type RefundEvidence } from "./check-refunds.ts";
import type { PaymentRun } from "./drive-payment.ts";
import { drivePayment } from "./drive-payment.ts";
import { driveRefunds, idsByKey, newRefundRun, type RefundRun } from "./drive-refunds.ts";
import {
  byRequestId,
  gatherEvidence,
  readReviewLog,
  reviewKey,
  waitForQuietSandbox,
} from "./gather-evidence.ts";
import { waitForRefundIndex } from "./refund-index.ts";
import { type PlannedRefunds, planRefunds, refundsAreSlow } from "./refund-plan.ts";
import { summarizeRefunds } from "./refund-summary.ts";
import { type RestartPhase, runRestartPhase } from "./restart-phase.ts";
import { createLimiter, runPool } from "./run-pool.ts";
import { isSlow, type PlannedPayment, planPayments } from "./soak-plan.ts";
import { summarize } from "./soak-summary.ts";
import { formatSummary } from "./summary-table.ts";

/** The soak's command-line options. */
export interface SoakOptions {
  readonly payments: number;
  readonly seed: number;
  readonly concurrency: number;
  /** Longest the payments may take in all, in ms. */
  readonly timeoutMs: number;
}

/** Reads the command line; throws a TypeError naming a bad flag. */
export function parseSoakArgs(args: readonly string[]): SoakOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      payments: { type: "string", default: "100" },
      seed: { type: "string", default: "1" },
      concurrency: { type: "string", default: "12" },
      timeout: { type: "string" },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      throw new TypeError(`--${name}: expected a whole number of at least ${min}, got "${text}"`);
    }
    return n;
  };
  const payments = whole("payments", values.payments, 1);
  const timeoutSeconds =
    values.timeout === undefined ? 120 + payments : whole("timeout", values.timeout, 1);
  return {
    payments,
    seed: whole("seed", values.seed, 0),
    concurrency: whole("concurrency", values.concurrency, 1),
    timeoutMs: timeoutSeconds * 1000,
  };
}

/**
 * The review log, read again (every half second, up to `timeoutMs`) until it holds every
 * acknowledged notification the soak posted that must be there: a payment copies what it kept
 * unapplied about a second after the acknowledgement. Null when it cannot be read.
 */
async function readCompleteReviewLog(stack: Stack, runs: readonly PaymentRun[], timeoutMs: number) {
  const due = runs.flatMap((run) =>
    run.posted.flatMap((p) =>
      p.httpStatus === 200 && p.unappliedReason !== null ? [reviewKey(p.requestTime, p.body)] : [],
    ),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const review = await readReviewLog(stack);
    if (review !== null && due.every((k) => review.has(k))) return review;
    if (Date.now() > deadline) return review;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** How many payments `GET /api/payments?attention=true` lists; null when unreadable. */
async function countFlagged(stack: Stack): Promise<number | null> {
  const response = await merchant(stack, "/api/payments?attention=true&limit=200");
  if (response.status !== 200) {
    await response.arrayBuffer();
    return null;
  }
  return ((await response.json()) as { payments: unknown[] }).payments.length;
}

/**
 * Drives one payment; once it is paid, starts its refunds planned for the run (through `limit`)
 * without waiting for them: the merchant refunding is another actor, and the payments' pool
 * stays as it was.
 */
async function driveWithRefunds(
  stack: Stack,
  plan: PlannedPayment,
  refunds: PlannedRefunds | undefined,
  signal: AbortSignal,
  limit: <R>(task: () => Promise<R>) => Promise<R>,
): Promise<{ run: PaymentRun; refunds: Promise<RefundRun> | null }> {
  const run = await drivePayment(stack, plan, { signal, settleTimeoutMs: 30_000 });
  if (refunds === undefined || refunds.phase !== "pool") return { run, refunds: null };
  const id = run.paymentRequestId;
  if (id === null || run.lastStatus !== "succeeded") {
    const skipped = newRefundRun(refunds, id ?? "");
    skipped.problems.push(`not refunded: the payment ended ${run.lastStatus}`);
    return { run, refunds: Promise.resolve(skipped) };
  }
  return { run, refunds: limit(() => driveRefunds(stack, refunds, id)) };
}

/**
 * The restart phase for the planned refunds held across a restart, once every payment is
 * final; null when the run planned none. A payment that did not end paid is not refunded (its
 * refunds then fail their check).
 */
async function restartPhase(
  stack: Stack,
  planned: readonly PlannedRefunds[],
  runs: readonly PaymentRun[],
): Promise<{ phase: RestartPhase | null; skipped: RefundRun[] }> {
  const batch: { plan: PlannedRefunds; paymentRequestId: string }[] = [];
  const skipped: RefundRun[] = [];
  for (const plan of planned.filter((p) => p.phase === "restart")) {
    const run = runs[plan.index];
    const id = run?.paymentRequestId ?? null;
    if (id !== null && run?.lastStatus === "succeeded") batch.push({ plan, paymentRequestId: id });
    else {
      const refund = newRefundRun(plan, id ?? "");
      refund.problems.push(`not refunded: the payment ended ${run?.lastStatus ?? null}`);
      skipped.push(refund);
    }
  }
  if (batch.length === 0) return { phase: null, skipped };
  return { phase: await runRestartPhase(stack, batch), skipped };
}

/** One payment's refund evidence, from the payment's evidence and the gateway's ledger. */
async function refundEvidence(
  stack: Stack,
  run: RefundRun,
  payment: PaymentEvidence | undefined,
): Promise<RefundEvidence> {
  const id = run.paymentRequestId;
  return {
    run,
    keyIds: await idsByKey(run.plan, id),
    paid: payment?.run.plan.amount ?? "0",
    view: payment?.view ?? null,
    log: payment?.log ?? null,
    ledgerRefunded: payment?.ledger[0]?.refunded ?? null,
    ledgerRefunds: id === "" ? [] : stack.sandbox.sandbox.refunds(id),
  };
}

/** Runs the soak on a fresh stack; resolves with the number of failed checks. */
async function soak(options: SoakOptions, started: number, stack: Stack): Promise<number> {
  const startupMs = performance.now() - started;
  const { sandbox } = stack.sandbox;
  sandbox.faults.reseed(options.seed);
  const plan = planPayments(options.payments, options.seed);
  const refundPlan = planRefunds(plan, options.seed);
  const refundsOf = new Map(refundPlan.map((r) => [r.index, r]));
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const drivingStarted = performance.now();
  // Slow payments first (their refunds' stalls included): they overlap the quick ones instead
  // of trailing after them.
  const slow = (p: PlannedPayment) => isSlow(p) || refundsAreSlow(refundsOf.get(p.index));
  const order = [...plan.filter(slow), ...plan.filter((p) => !slow(p))];
  // Refunds run beside the pool, at most half as many at once as payments.
  const limit = createLimiter(Math.ceil(options.concurrency / 2));
  const driven = await runPool(order, options.concurrency, (p) =>
    driveWithRefunds(stack, p, refundsOf.get(p.index), deadline, limit),
  );
  const runs = driven.map((d) => d.run).sort((x, y) => x.plan.index - y.plan.index);
  const duringRun = await Promise.all(
    driven.flatMap((d) => (d.refunds === null ? [] : [d.refunds])),
  );
  // The restart waits for the sandbox to finish delivering: an attempt cut off by the restart is
  // resent by the provider, but would count as a signed delivery not acknowledged.
  const quietBeforeRestart = await waitForQuietSandbox(sandbox, 30_000);
  const restart = await restartPhase(stack, refundPlan, runs);
  const refundRuns = [...duringRun, ...(restart.phase?.runs ?? []), ...restart.skipped];
  const drivingMs = performance.now() - drivingStarted;
  const quiet = (await waitForQuietSandbox(sandbox, 30_000)) && quietBeforeRestart;
  const ledger = byRequestId(sandbox.payments());
  const notifications = byRequestId(sandbox.notifications());
  const review = (await readCompleteReviewLog(stack, runs, 10_000)) ?? new Map();
  const evidence = await runPool(runs, options.concurrency, (run) =>
    gatherEvidence(stack, run, ledger, notifications, review),
  );
  const flaggedAtEnd = await countFlagged(stack);
  const refundEvidences = await Promise.all(
    refundRuns.map((r) => refundEvidence(stack, r, evidence[r.plan.index])),
  );
  const refundVerdicts = refundEvidences.map(checkRefunds);
  // A payment passes only when its refunds pass too.
  const verdicts = evidence.map(checkPayment).map((verdict, i) => {
    const refundAt = refundEvidences.findIndex((r) => r.run.plan.index === i);
    const extra = refundVerdicts[refundAt]?.problems ?? [];
    return extra.length === 0 ? verdict : { ...verdict, problems: [...verdict.problems, ...extra] };
  });
  const index = await waitForRefundIndex(
    stack,
    evidence.flatMap((e) =>
      e.run.paymentRequestId === null
        ? []
        : [{ paymentRequestId: e.run.paymentRequestId, refunds: e.view?.refunds ?? [] }],
    ),
    10_000,
  );
  const labels = new Map<string, string>();
  for (const r of refundRuns) {
    r.faultIds.forEach((id, i) => {
      const label = r.plan.faults[i]?.label;
      if (label !== undefined) labels.set(id, label);
    });
  }
  const faults = sandbox.faults.list();
  const base = summarize({
    evidence,
    verdicts,
    gatewayPayments: sandbox.payments(),
    faults,
    quiet,
    flaggedAtEnd,
    labels,
  });
  const refunds = summarizeRefunds({
    evidence: refundEvidences,
    verdicts: refundVerdicts,
    faults,
    totals: evidence.flatMap((e) =>
      e.run.paymentRequestId === null
        ? []
        : [{ worker: e.view?.refunded?.value ?? null, gateway: e.ledger[0]?.refunded ?? null }],
    ),
    restart: restart.phase,
    index,
  });
  const summary = { ...base, refunds, checks: [...base.checks, ...refunds.checks] };
  const failing = verdicts.flatMap((v, i) => (v.problems.length === 0 ? [] : [{ v, i }]));
  for (const { v, i } of failing.slice(0, 30)) {
    const run = runs[i];
    console.log(
      `FAIL payment #${i} ${run?.plan.scenario} ${run?.paymentRequestId}: ${v.problems.join("; ")}`,
    );
  }
  if (failing.length > 30) console.log(`... and ${failing.length - 30} more failing payments`);
  const info = {
    payments: options.payments,
    seed: options.seed,
    concurrency: options.concurrency,
    startupMs,
    drivingMs,
    totalMs: performance.now() - started,
  };
  console.log(formatSummary(summary, info));
  const checksPassed = summary.checks.filter((c) => c.ok).length;
  const passed = summary.paymentsPassed + checksPassed;
  const failed = options.payments - summary.paymentsPassed + summary.checks.length - checksPassed;
  console.log(`soak: ${passed} passed, ${failed} failed`);
  return failed;
}

async function main(): Promise<number> {
  let options: SoakOptions;
  try {
    options = parseSoakArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const started = performance.now();
  let stack: Stack | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stack?.stop() ?? Promise.resolve();
    return stopping;
  };
  // wrangler runs in its own process group: a signal to this process alone would orphan it.
  const bail = (why: string, code: number) => {
    console.error(`soak: ${why}; stopping the stack`);
    void stop().finally(() => process.exit(code));
  };
  process.once("SIGINT", () => bail("interrupted", 130));
  process.once("SIGTERM", () => bail("terminated", 143));
  process.once("uncaughtException", (error) => bail(`uncaught ${error.stack ?? error}`, 1));
  process.once("unhandledRejection", (reason) => bail(`unhandled rejection ${String(reason)}`, 1));
  try {
    stack = await startStack();
    const failed = await soak(options, started, stack);
    return failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.log("soak: 0 passed, 1 failed");
    return 1;
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  const code = await main();
  // Idle keep-alive sockets to the stopped Worker must not hold the process open.
  process.exit(code);
}
