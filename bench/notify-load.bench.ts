/**
 * The Worker's notification receiver under load: bounded bursts of signed `PAYMENT_RESULT`
 * notifications sent to `wrangler dev` (the deploy bundle, local Durable Objects and D1, the
 * sandbox gateway in this process), then a check that every acknowledged one is stored.
 *
 * Payments are created first through the merchant API, so each notification for a known payment
 * reaches a real Durable Object. Bursts, in order, with the same concurrency on warm keep-alive
 * connections, each capped in time: `GET /api/health` (the floor: what `wrangler dev` costs per
 * request on this machine), the first result of each payment (awaiting → succeeded), resends of
 * those results (stored, change nothing), results for unknown payments (kept in D1), and the
 * floor again (the machine is shared: the two floors show how much it moved). Every body is
 * signed with the local provider test key before the clock starts. Then each payment's event log
 * and the local D1 table are read back: lost = acknowledged but not stored.
 *
 * In the same run, once the stack has stopped: core's bare `verifySignature` in this process, one
 * thread, same key and bodies, and the ratio of the Worker's notifications/s to it. CPU time per
 * process during each burst (from /proc) shows where the time goes, since the load generator, the
 * sandbox, wrangler and workerd share the machine's cores.
 *
 * Targets (the notification bursts together): ≥ 1,000 notifications/s, p99 ≤ 50 ms, none lost.
 *
 * The throughput and latency targets are not met under `wrangler dev` on this machine: its
 * no-op route alone serves fewer requests per second than the target (the floor rows). Interim
 * limits keep the figures from getting worse meanwhile; the storage checks are exact.
 *
 * `npm run bench -- notify-load` (`-- --short notify-load` for the few-sample run).
 */
import type { Stack } from "../test/e2e/stack.ts";
import { cpuSnapshot, cpuUsageBetween, type ProcessLabeller } from "./lib/cpu-accounting.ts";
import { keepAliveAgent, type PreparedRequest, runBurst } from "./lib/http-burst.ts";
import {
  createLoadPayments,
  type LoadPayment,
  paymentResultBody,
  unknownPayments,
} from "./lib/load-payments.ts";
import { countLoggedNotifications } from "./lib/local-d1-notifications.ts";
import {
  CPU_GROUPS,
  isAcknowledgement,
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
/** No request of a burst starts later than this; what is left is reported as cut. */
const BURST_CAP_MS = 6_000;
/** A request without a complete answer after this long counts as failed. */
const REQUEST_TIMEOUT_MS = 5_000;
const SETUP_CAP_MS = 12_000;
const BARE_VERIFY_OPS = 5_000;

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

/** Runs the benchmark, prints its table, and returns its figures with their targets. */
export default async function run({ short }: BenchOptions): Promise<Measured[]> {
  const sizes = short ? SHORT : FULL;
  const [PAYMENTS, RESENDS_PER_PAYMENT, UNKNOWN_PAYMENTS] = [
    sizes.payments,
    sizes.resends,
    sizes.unknown,
  ];
  const [FLOOR_REQUESTS, WARMUP_REQUESTS] = [sizes.floor, sizes.warmup];
  const { startStack } = await import("../test/e2e/stack.ts");
  const { publicKeyOf } = await import("../scripts/lib/local-secrets.ts");

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
  let gatewayCalls: Record<string, number> = {};
  let presigned: PresignedNotification[] = [];
  let paymentsPerSecond = Number.NaN;
  let alipayPublicKey = "";
  try {
    // SCHEDULE_SCALE 1: real clocks, so no alarm inquires in the first 2 s after a pay.
    stack = await startStack({ vars: { SCHEDULE_SCALE: "1" } });
    if (interrupted) throw new Error("interrupted");
    const { workerUrl: origin, alipayPrivateKey, clientId } = stack;
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
      windows.push({ from, to: Date.now() });
      measured.push({
        label: name,
        burst: result,
        cpu: cpuUsageBetween(before, cpuSnapshot(label)),
      });
      return result;
    };

    const warmup = unknownPayments("bench-warmup", WARMUP_NOTIFICATIONS);
    const unknown = unknownPayments("bench-unknown", UNKNOWN_PAYMENTS);
    const [signedWarmup, signedUnknown] = [await sign(warmup), await sign(unknown)];
    const health: PreparedRequest = { method: "GET", path: "/api/health", headers: {} };
    // Warm connections, the isolate, the key cache and the D1 path before anything is timed.
    const setup = { origin, agent, concurrency: CONCURRENCY, timeCapMs: SETUP_CAP_MS };
    await runBurst({ ...setup, requests: Array(WARMUP_REQUESTS).fill(health) });
    const warm = await runBurst({ ...setup, requests: signedWarmup.map((s) => s.request) });
    countAcknowledged(
      acked.unknown,
      warmup.map((p) => p.paymentRequestId),
      warm,
      isAcknowledgement,
    );
    const floorRequests = Array<PreparedRequest>(FLOOR_REQUESTS).fill(health);
    await burst("GET /api/health (floor), before", floorRequests);

    // The first results go out right after the payments exist: each payment's first alarm
    // inquiry comes 2 s after its pay, and every inquiry competes with the notifications.
    const createStart = performance.now();
    const payments = await createLoadPayments({
      origin,
      apiKey: stack.apiKey,
      count: PAYMENTS,
      agent,
      concurrency: 16,
      timeCapMs: SETUP_CAP_MS,
    });
    paymentsPerSecond = (payments.length * 1000) / (performance.now() - createStart);
    const signedFirst = await sign(payments);
    const ids = payments.map((p) => p.paymentRequestId);
    const first = await burst(
      "PAYMENT_RESULT awaiting → succeeded",
      signedFirst.map((s) => s.request),
    );
    countAcknowledged(acked.known, ids, first, isAcknowledgement);
    const resends = Array.from({ length: RESENDS_PER_PAYMENT }, () =>
      signedFirst.map((s) => s.request),
    ).flat();
    countAcknowledged(
      acked.known,
      ids,
      await burst("PAYMENT_RESULT resent (already final)", resends),
      isAcknowledgement,
    );
    const toD1 = await burst(
      "PAYMENT_RESULT unknown payment → D1",
      signedUnknown.map((s) => s.request),
    );
    countAcknowledged(
      acked.unknown,
      unknown.map((p) => p.paymentRequestId),
      toD1,
      isAcknowledgement,
    );
    await burst("GET /api/health (floor), after", floorRequests);

    const logs = await readEventLogs({
      ...setup,
      apiKey: stack.apiKey,
      ids,
      windows: windows.slice(1, -1),
      concurrency: 16,
    });
    stored = logs.notifications;
    // Unread logs are counted apart (as unverified), not as lost.
    unreadableLogs = logs.unreadable.size;
    for (const id of logs.unreadable.keys()) stored.set(id, acked.known.get(id) ?? 0);
    gatewayCalls = logs.gatewayRequestsInWindows;
    logged = await countLoggedNotifications(stack.stateDir);
    presigned = [...signedFirst, ...signedUnknown];
  } finally {
    agent.destroy();
    await stack?.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }

  const floors = [measured[0], measured.at(-1)].filter((m) => m !== undefined);
  const notifications = measured.slice(1, -1);
  const known = compareStored(acked.known, stored);
  const other = compareStored(acked.unknown, logged);
  return printNotifyLoadReport({
    concurrency: CONCURRENCY,
    paymentsAsked: PAYMENTS,
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
    bareVerifyPerSecond: await bareVerifyPerSecond(presigned, alipayPublicKey),
  });
}
