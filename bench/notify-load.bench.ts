/**
 * The Worker's notification receiver under load: bounded bursts of signed `PAYMENT_RESULT`
 * notifications sent to `wrangler dev` (the deploy bundle, local Durable Objects and D1, the
 * sandbox gateway in this process), then a check that every acknowledged one is stored.
 *
 * Payments are created first through the merchant API, so each notification for a known payment
 * reaches a real Durable Object. Bursts, in order, with the same concurrency on warm keep-alive
 * connections: `GET /api/health` (the floor: what `wrangler dev` costs per request on this
 * machine), the first result of each payment (awaiting → succeeded), resends of those results
 * (stored, change nothing), results for unknown payments (kept in D1), and the floor again. The
 * mix is fixed: every payment is created (failed creations are retried), the resends' order and
 * the unknown payments' ids come from a seed (bench/lib/burst-mix.ts), and the bursts' time cap
 * is far beyond what they take. Every body is signed before the clock starts.
 *
 * Work that is not a notification's is kept out of the bursts and shown in rows of its own:
 * - alarms: a payment awaiting its result inquires 2, 5, 8, 13, … s after its pay answer, and
 *   stops once its result is in, so the first results are sent in creation order from a moment
 *   where no payment is due to inquire before its own result (bench/lib/alarm-free-window.ts);
 *   the Worker's CPU while waiting for that moment, per inquiry made meanwhile, is the alarm row;
 * - index catch-up: after the first-result burst, the D1 payment index is polled until it shows
 *   every payment succeeded (bounded); that time and its CPU are a row of their own, so a Worker
 *   that writes the index after its acknowledgement is still charged for it, apart.
 * Then each payment's event log and the D1 log of other notifications (after its own bounded
 * catch-up) are read back: lost = acknowledged but not stored.
 *
 * Figures, all against the floor of the same run (both floor bursts together): notifications/s
 * of all notification bursts ÷ the floor's requests/s (target ≥ 0.50); the Worker's CPU per
 * first result ÷ its CPU per no-op request (target ≤ 2.50); p99 latency (target 50 ms, interim a
 * multiple of the floor's p99); and exact counts (none lost). Each run prints them in one
 * `ingest:` line. CPU time per process comes from /proc (bench/lib/cpu-accounting.ts), since the
 * load generator, the sandbox, wrangler and workerd share the machine's cores. In the same run,
 * once the stack has stopped: core's bare `verifySignature` in this process, for scale.
 *
 * `npm run bench -- notify-load` (`-- --short notify-load` for the few-sample run).
 */
import type { PaymentSchedule } from "@ams-edge/core";
import { scheduleDelay } from "../packages/core/src/payment/payment-schedule.ts";
import type { Stack } from "../test/e2e/stack.ts";
import { alarmFreeStart, cumulativeOffsets } from "./lib/alarm-free-window.ts";
import { planBurstMix } from "./lib/burst-mix.ts";
import { awaitCatchUp, type CatchUp } from "./lib/catch-up.ts";
import { cpuSnapshot, cpuUsageBetween, type ProcessLabeller } from "./lib/cpu-accounting.ts";
import { keepAliveAgent, type PreparedRequest, runBurst } from "./lib/http-burst.ts";
import {
  createLoadPayments,
  type LoadPayment,
  paymentResultBody,
  unknownPayments,
} from "./lib/load-payments.ts";
import { readIndexStatuses } from "./lib/local-d1-index.ts";
import { countLoggedNotifications } from "./lib/local-d1-notifications.ts";
import {
  CPU_GROUPS,
  FIRST_RESULTS,
  isAcknowledgement,
  type MeasuredAside,
  type MeasuredBurst,
  printNotifyLoadReport,
} from "./lib/notify-load-report.ts";
import { readEventLogs, type Window } from "./lib/payment-event-logs.ts";
import { type PresignedNotification, presignNotifications } from "./lib/presigned-notifications.ts";
import { compareStored, countAcknowledged } from "./lib/storage-check.ts";
import type { BenchOptions, Measured } from "./lib/targets.ts";

const CONCURRENCY = 32;
const FULL = { payments: 200, resends: 4, unknown: 300, floor: 1000, warmup: 200 };
const SHORT = { payments: 60, resends: 2, unknown: 100, floor: 300, warmup: 100 };
const WARMUP_NOTIFICATIONS = 32;
/** Seeds the order of the resends and the unknown payments' ids: every run sends the same mix. */
const MIX_SEED = 0x5eed2026;
/**
 * No request of a burst starts later than this; what is left is reported as cut. Long enough
 * that a slow machine sends the whole fixed mix.
 */
const BURST_CAP_MS = 20_000;
/** A request without a complete answer after this long counts as failed. */
const REQUEST_TIMEOUT_MS = 5_000;
const SETUP_CAP_MS = 30_000;
const CREATE_ATTEMPTS = 3;
const BARE_VERIFY_OPS = 5_000;
/** The wait between the payments' creation and their first results, where alarms run. */
const ALARMS = "alarms";
/** How long storage written after the acknowledgement may take to catch up, and how often to look. */
const CATCH_UP = { timeoutMs: 20_000, intervalMs: 20 };
/**
 * Placing the first results between the payments' alarm inquiries (bench/lib/alarm-free-window.ts):
 * the burst is expected to run at no less than this share of the floor's requests/s (about 0.2
 * today), each payment's result may come this much later still, and each inquiry this much later
 * than planned per inquiry before it, plus a guard.
 */
const ALARM_FREE = {
  floorShare: 0.1,
  slackMs: 500,
  driftPerInquiryMs: 150,
  guardMs: 250,
  maxWaitMs: 60_000,
};

async function bareVerifyPerSecond(items: readonly PresignedNotification[], publicKey: string) {
  const { verifySignature } = await import("@ams-edge/core");
  const once = async (i: number) => {
    const item = items[i % items.length];
    if (item === undefined || !(await verifySignature(item.content, item.signature, publicKey))) {
      throw new Error("bench: a pre-signed notification does not verify in-process");
    }
  };
  for (let i = 0; i < 500; i += 1) await once(i);
  const start = performance.now();
  for (let i = 0; i < BARE_VERIFY_OPS; i += 1) await once(i);
  return (BARE_VERIFY_OPS * 1000) / (performance.now() - start);
}

/** Groups wrangler dev's processes: the workerd that owns the public port is the dev proxy. */
function wranglerLabeller(publicPort: string): ProcessLabeller {
  return (name, commandLine) => {
    if (name === "workerd") {
      return commandLine.includes(`entry=127.0.0.1:${publicPort} `)
        ? CPU_GROUPS.proxy
        : CPU_GROUPS.worker;
    }
    return commandLine.includes("wrangler") ? CPU_GROUPS.wrangler : name;
  };
}

/** When each payment's alarm inquiries are due, counted from its pay answer. */
function inquiryOffsetsMs(schedule: PaymentSchedule): number[] {
  const { inquiryDelaysMs, backoff, inquiryMaxDelayMs } = schedule;
  return cumulativeOffsets(
    (i) => scheduleDelay(inquiryDelaysMs, i, backoff, inquiryMaxDelayMs),
    inquiryDelaysMs.length + 4,
  );
}

/** Runs the benchmark, prints its table, and returns its figures with their targets. */
export default async function run({ short }: BenchOptions): Promise<Measured[]> {
  const sizes = short ? SHORT : FULL;
  const mix = planBurstMix({
    payments: sizes.payments,
    resendsPerPayment: sizes.resends,
    unknown: sizes.unknown,
    warmup: WARMUP_NOTIFICATIONS,
    seed: MIX_SEED,
  });
  const { startStack } = await import("../test/e2e/stack.ts");
  const { publicKeyOf } = await import("../scripts/lib/local-secrets.ts");
  const { DEFAULT_PAYMENT_SCHEDULE } = await import("@ams-edge/core");

  let stack: Stack | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    // wrangler leads its own process group, so Ctrl-C does not reach it: stop it here.
    if (stack !== undefined) void stack.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const agent = keepAliveAgent(CONCURRENCY);
  const measured: MeasuredBurst[] = [];
  const windows: Window[] = [];
  const acked = { known: new Map<string, number>(), unknown: new Map<string, number>() };
  let stored = new Map<string, number>();
  let unreadableLogs = 0;
  let logged = new Map<string, number>();
  let gatewayCalls: Record<string, Record<string, number>> = {};
  let presigned: PresignedNotification[] = [];
  let paymentsPerSecond = Number.NaN;
  let alipayPublicKey = "";
  let alarms: MeasuredAside | undefined;
  let alarmFreeWindow = { waitedMs: Number.NaN, expectedInside: Number.NaN };
  let indexCatchUp: (CatchUp & { aside: MeasuredAside }) | undefined;
  let logCatchUp: CatchUp = { caughtUp: false, ms: Number.NaN, behind: Number.NaN };
  try {
    // SCHEDULE_SCALE 1: real clocks, so that alarm inquiries come seconds apart and the first
    // results can be sent between them.
    stack = await startStack({ vars: { SCHEDULE_SCALE: "1" } });
    if (interrupted) throw new Error("interrupted");
    const { workerUrl: origin, alipayPrivateKey, clientId, stateDir } = stack;
    alipayPublicKey = publicKeyOf(alipayPrivateKey);
    const label = wranglerLabeller(new URL(origin).port);
    const sign = (payments: LoadPayment[]) =>
      presignNotifications({
        bodies: payments.map(paymentResultBody),
        privateKey: alipayPrivateKey,
        clientId,
      });
    const burst = async (name: string, requests: readonly PreparedRequest[]) => {
      const before = cpuSnapshot(label);
      const from = Date.now();
      const result = await runBurst({
        origin,
        requests,
        agent,
        concurrency: CONCURRENCY,
        timeCapMs: BURST_CAP_MS,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      windows.push({ label: name, from, to: Date.now() });
      measured.push({
        label: name,
        burst: result,
        cpu: cpuUsageBetween(before, cpuSnapshot(label)),
      });
      return result;
    };

    const warmup = unknownPayments(mix.warmupIds);
    const unknown = unknownPayments(mix.unknownIds);
    const [signedWarmup, signedUnknown] = [await sign(warmup), await sign(unknown)];
    const health: PreparedRequest = { method: "GET", path: "/api/health", headers: {} };
    // Warm connections, the isolate, the key cache and the D1 path before anything is timed.
    const setup = { origin, agent, concurrency: CONCURRENCY, timeCapMs: SETUP_CAP_MS };
    await runBurst({ ...setup, requests: Array(sizes.warmup).fill(health) });
    const warm = await runBurst({ ...setup, requests: signedWarmup.map((s) => s.request) });
    countAcknowledged(acked.unknown, mix.warmupIds, warm, isAcknowledgement);
    const floorRequests = Array<PreparedRequest>(sizes.floor).fill(health);
    const floorBefore = await burst("GET /api/health (floor), before", floorRequests);

    const createdFrom = Date.now();
    const payments = await createLoadPayments({
      origin,
      apiKey: stack.apiKey,
      count: sizes.payments,
      agent,
      concurrency: 16,
      timeCapMs: SETUP_CAP_MS,
      attempts: CREATE_ATTEMPTS,
    });
    const createdTo = Date.now();
    const afterCreation = cpuSnapshot(label);
    paymentsPerSecond = (payments.length * 1000) / (createdTo - createdFrom);
    const signedFirst = await sign(payments);
    const ids = payments.map((p) => p.paymentRequestId);
    const firstResults = mix.firstResults.map((i) => signedFirst[i]?.request);
    const resends = mix.resends.map((i) => signedFirst[i]?.request);
    if (firstResults.includes(undefined) || resends.includes(undefined)) {
      throw new Error("bench setup: the burst mix names a payment that was not created");
    }

    // Each payment awaiting its result inquires 2, 5, 8, 13, … s after its pay answer: start the
    // first results (in creation order) where no payment inquires before its own result, so the
    // burst measures notifications alone.
    const floorRate = (floorBefore.outcomes.length * 1000) / floorBefore.wallMs;
    const plan = alarmFreeStart({
      now: Date.now(),
      answeredAt: mix.firstResults.map((i) => payments[i]?.answeredAt ?? createdTo),
      inquiryOffsetsMs: inquiryOffsetsMs(DEFAULT_PAYMENT_SCHEDULE),
      spacingMs: 1000 / (ALARM_FREE.floorShare * floorRate),
      slackMs: ALARM_FREE.slackMs,
      driftPerInquiryMs: ALARM_FREE.driftPerInquiryMs,
      guardMs: ALARM_FREE.guardMs,
      maxWaitMs: ALARM_FREE.maxWaitMs,
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, plan.startAt - Date.now())));
    const waitEnd = Date.now();
    alarmFreeWindow = { waitedMs: waitEnd - createdTo, expectedInside: plan.inquiriesInside };
    windows.push({ label: ALARMS, from: createdTo, to: waitEnd });
    const alarmCpu = cpuUsageBetween(afterCreation, cpuSnapshot(label));

    const first = await burst(
      FIRST_RESULTS,
      firstResults.filter((r) => r !== undefined),
    );
    countAcknowledged(
      acked.known,
      mix.firstResults.map((i) => ids[i] ?? ""),
      first,
      isAcknowledgement,
    );

    // Work deferred past the acknowledgement (the index row) is measured apart, before the
    // next burst, so that it weighs on neither.
    const beforeCatchUp = cpuSnapshot(label);
    const catchUpFrom = performance.now();
    const index = await awaitCatchUp(async () => {
      const statuses = await readIndexStatuses(stateDir);
      return ids.filter((id) => statuses.get(id) !== "succeeded").length;
    }, CATCH_UP);
    indexCatchUp = {
      ...index,
      aside: {
        label: "index catch-up",
        cpu: cpuUsageBetween(beforeCatchUp, cpuSnapshot(label)),
        wallMs: performance.now() - catchUpFrom,
        count: ids.length,
        per: "first result",
      },
    };

    countAcknowledged(
      acked.known,
      mix.resends.map((i) => ids[i] ?? ""),
      await burst(
        "PAYMENT_RESULT resent (already final)",
        resends.filter((r) => r !== undefined),
      ),
      isAcknowledgement,
    );
    const toD1 = await burst(
      "PAYMENT_RESULT unknown payment → D1",
      signedUnknown.map((s) => s.request),
    );
    countAcknowledged(acked.unknown, mix.unknownIds, toD1, isAcknowledgement);
    await burst("GET /api/health (floor), after", floorRequests);

    const logs = await readEventLogs({
      ...setup,
      apiKey: stack.apiKey,
      ids,
      windows: windows.filter((w) => !w.label.startsWith("GET ")),
      concurrency: 16,
    });
    stored = logs.notifications;
    // Unread logs are counted apart (as unverified), not as lost.
    unreadableLogs = logs.unreadable.size;
    for (const id of logs.unreadable.keys()) stored.set(id, acked.known.get(id) ?? 0);
    gatewayCalls = logs.gatewayRequests;
    const inquiries = Object.values(gatewayCalls[ALARMS] ?? {}).reduce((a, b) => a + b, 0);
    alarms = {
      label: ALARMS,
      cpu: alarmCpu,
      wallMs: waitEnd - createdTo,
      count: inquiries,
      per: "inquiry",
    };
    logCatchUp = await awaitCatchUp(async () => {
      logged = await countLoggedNotifications(stateDir);
      return compareStored(acked.unknown, logged).lost;
    }, CATCH_UP);
    presigned = [...signedFirst, ...signedUnknown];
  } finally {
    agent.destroy();
    await stack?.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  if (alarms === undefined || indexCatchUp === undefined) {
    throw new Error("bench: the run ended before its figures were taken");
  }

  const floors = [measured[0], measured.at(-1)].filter((m) => m !== undefined);
  const notifications = measured.slice(1, -1);
  const known = compareStored(acked.known, stored);
  const other = compareStored(acked.unknown, logged);
  return printNotifyLoadReport({
    concurrency: CONCURRENCY,
    paymentsAsked: sizes.payments,
    payments: stored.size,
    paymentsPerSecond,
    floors,
    notifications,
    acknowledged: known.acknowledged + other.acknowledged,
    warmupNotifications: WARMUP_NOTIFICATIONS,
    foundInEventLogs: known.found,
    foundInD1: other.found,
    lost: known.lost + other.lost,
    storedUnacknowledged: known.extra + other.extra,
    unreadableLogs,
    gatewayCalls,
    alarms,
    alarmFreeWindow,
    indexCatchUp,
    logCatchUp,
    bareVerifyPerSecond: await bareVerifyPerSecond(presigned, alipayPublicKey),
  });
}
