/**
 * How the cost of the payment list and the CSV export grows with the D1 index: the same requests
 * against 1,000 and against 100,000 payments, under `wrangler dev` (the deploy bundle, local D1).
 *
 * Two local stacks run at once, one per size; each index is written straight into its local D1
 * SQLite file (bench/lib/growth-seed.ts: the real migrations, 20 stores of uneven size, mostly
 * final statuses, 90 days of creation times; the 1,000 are every 100th of the 100,000). Every
 * request at one size is sent beside the same request at the other, so that both share whatever
 * else the machine is doing.
 *
 * At each size, one request at a time, interleaved: the first page of `GET /api/payments`, a page
 * 90% of the way through by cursor, a filtered first page (the busiest store, succeeded, a
 * 60-day range), and `GET /api/health`, the floor that every request under `wrangler dev`
 * costs. Then the CSV export of every row: time to first byte, total time, and the resident
 * memory of the workerd process that runs the Worker and local D1, before and at its peak while
 * the export runs.
 *
 * Targets: each list's p95 at 100,000 ≤ 2 × its p95 at 1,000, and its p50 ≤ 1.5 × (the median
 * is steadier on a shared machine, and catches a deep page that scans). The export of 100,000:
 * its first byte within a tenth of its total time, and the Worker's RSS ≤ 64 MB above where it
 * was (it streams rather than reading the table first: a buffered export fails both).
 *
 * Not part of a short run (`npm test`): two stacks, seeding and the exports take 30–45 s.
 * `npm run bench -- growth`.
 */
import type { Agent } from "node:http";
import type { LocalStack } from "../scripts/lib/local-stack.ts";
import { percentile } from "./lib/burst-summary.ts";
import {
  inSmallSet,
  insertSeedRows,
  LARGE,
  openLocalIndex,
  rowAt,
  SEED_END,
  SMALL,
} from "./lib/growth-seed.ts";
import { keepAliveAgent, runBurst } from "./lib/http-burst.ts";
import { descendantPids, peakResidentDuring, type ResidentMemory } from "./lib/process-memory.ts";
import { type StreamedAnswer, streamedGet } from "./lib/streamed-get.ts";
import type { BenchOptions, Measured } from "./lib/targets.ts";

/** Requests of each kind at each size. */
const SAMPLES = 250;
const WARMUP = 20;
/** Exports at each size. */
const EXPORTS = 2;
const PAGE = 50;
const DAY = 24 * 3600 * 1000;
/** The lists, and the Worker's no-op route: what any request costs under `wrangler dev`. */
const KINDS = ["first page", "deep page (90%)", "filtered", "health (floor)"] as const;
type Kind = (typeof KINDS)[number];
const LISTS: readonly Kind[] = ["first page", "deep page (90%)", "filtered"];

type Latencies = Record<Kind, number[]>;

/** One export: its answer and the Worker's memory around it. */
interface ExportRun {
  size: number;
  exported: StreamedAnswer & { before: ResidentMemory; peak: ResidentMemory };
}

const noLatencies = (): Latencies => ({
  "first page": [],
  "deep page (90%)": [],
  filtered: [],
  "health (floor)": [],
});

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const ms = (value: number) => value.toFixed(1);
const p = (values: readonly number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at,
  );

/** A stack whose index holds `size` payments, and what the benchmark asks of it. */
interface Sized {
  size: number;
  stack: LocalStack;
  paths: Record<Kind, string>;
  /** The workerd that runs this stack's Worker and D1 (not its proxy). */
  workerd: number[];
}

async function prepare(stack: LocalStack, size: number): Promise<Sized> {
  const { encodeCursor } = await import("../packages/worker/src/payment-index/list-cursor.ts");
  const db = await openLocalIndex(stack.stateDir);
  try {
    const started = performance.now();
    const written = insertSeedRows(db, size === LARGE ? () => true : inSmallSet);
    if (written !== size) throw new Error(`bench: wrote ${written} payments, not ${size}`);
    console.log(
      `${size.toLocaleString("en")} payments written to the index in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const port = new URL(stack.workerUrl).port;
    const [wrangler] = descendantPids((command) => command.includes(`--port ${port} `));
    // Without /proc there is no process to watch, and the memory figures read NaN.
    const workerd =
      wrangler === undefined
        ? []
        : descendantPids(
            (command) =>
              command.includes("workerd serve") && !command.includes(`127.0.0.1:${port} `),
            wrangler,
          );
    const from = new Date(SEED_END - 75 * DAY).toISOString();
    const to = new Date(SEED_END - 15 * DAY).toISOString();
    return {
      size,
      stack,
      workerd,
      paths: {
        "first page": "/api/payments",
        "deep page (90%)": `/api/payments?cursor=${encodeCursor(rowAt(db, Math.floor(size * 0.9)))}`,
        filtered: `/api/payments?storeId=store-01&status=succeeded&from=${from}&to=${to}`,
        "health (floor)": "/api/health",
      },
    };
  } finally {
    db.close();
  }
}

/** One timed GET; a list must answer a full page. */
async function timedGet(target: Sized, kind: Kind, agent: Agent): Promise<number> {
  const { outcomes } = await runBurst({
    origin: target.stack.workerUrl,
    requests: [{ method: "GET", path: target.paths[kind], headers: authorization(target.stack) }],
    agent,
    concurrency: 1,
    timeCapMs: 10_000,
  });
  const [outcome] = outcomes;
  if (outcome?.kind !== "answered" || outcome.status !== 200) {
    throw new Error(`bench: ${kind} at ${target.size} failed: ${JSON.stringify(outcome)}`);
  }
  const page = JSON.parse(outcome.body) as { payments?: unknown[] };
  if (kind !== "health (floor)" && page.payments?.length !== PAGE) {
    throw new Error(`bench: ${kind} at ${target.size} has ${page.payments?.length} payments`);
  }
  return outcome.latencyMs;
}

const authorization = (stack: LocalStack) => ({ authorization: `Bearer ${stack.apiKey}` });

async function timedExport(target: Sized, agent: Agent): Promise<ExportRun> {
  const { stack, size } = target;
  const { result, before, peak } = await peakResidentDuring(target.workerd, () =>
    streamedGet(stack.workerUrl, "/api/payments/export.csv", authorization(stack), agent),
  );
  if (result.status !== 200 || result.lines !== size + 1) {
    throw new Error(
      `bench: the export at ${size} answered ${result.status} with ${result.lines} lines`,
    );
  }
  return { size, exported: { ...result, before, peak } };
}

/** Runs the benchmark, prints its table, and returns its figures with their targets. */
export default async function run(_options: BenchOptions): Promise<Measured[]> {
  const { startLocalStack } = await import("../scripts/lib/local-stack.ts");
  const started = await Promise.allSettled([
    startLocalStack({ label: "growth-small" }),
    startLocalStack({ label: "growth-large" }),
  ]);
  const stacks = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const agent = keepAliveAgent(1);
  const latencies = new Map<number, Latencies>([
    [SMALL, noLatencies()],
    [LARGE, noLatencies()],
  ]);
  const exports: ExportRun[] = [];
  try {
    const failed = started.find((s) => s.status === "rejected");
    if (failed !== undefined) throw failed.reason;
    const [smallStack, largeStack] = stacks;
    if (smallStack === undefined || largeStack === undefined) throw new Error("bench: no stack");
    const small = await prepare(smallStack, SMALL);
    const large = await prepare(largeStack, LARGE);
    // Each request at one size is followed by the same request at the other, the order
    // alternating, so both share whatever else the machine is doing at the time.
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      for (const kind of KINDS) {
        for (const target of i % 2 === 0 ? [small, large] : [large, small]) {
          const ms = await timedGet(target, kind, agent);
          if (i >= WARMUP) latencies.get(target.size)?.[kind].push(ms);
        }
      }
    }
    for (let round = 0; round < EXPORTS; round += 1) {
      for (const target of round % 2 === 0 ? [small, large] : [large, small]) {
        exports.push(await timedExport(target, agent));
      }
    }
  } finally {
    agent.destroy();
    await Promise.all(stacks.map((stack) => stack.stop()));
  }
  return report(latencies, exports);
}

function report(latencies: Map<number, Latencies>, exportsInOrder: ExportRun[]): Measured[] {
  const small = latencies.get(SMALL) ?? noLatencies();
  const large = latencies.get(LARGE) ?? noLatencies();
  console.log(
    `\n${SAMPLES} requests of each kind per size, one at a time, each beside the same request at the other size; ms`,
  );
  console.log(
    `${"request".padEnd(26)}${"1k p50".padStart(9)}${"1k p95".padStart(9)}${"100k p50".padStart(10)}${"100k p95".padStart(10)}${"p95 ratio".padStart(11)}`,
  );
  const ratios: Measured[] = [];
  const medians: Measured[] = [];
  for (const kind of KINDS) {
    const [a, b] = [small[kind], large[kind]];
    const ratio = p(b, 95) / p(a, 95);
    console.log(
      `${`GET ${kind}`.padEnd(26)}${ms(p(a, 50)).padStart(9)}${ms(p(a, 95)).padStart(9)}${ms(p(b, 50)).padStart(10)}${ms(p(b, 95)).padStart(10)}${ratio.toFixed(2).padStart(11)}`,
    );
    if (!LISTS.includes(kind)) continue;
    ratios.push({
      name: `list ${kind}: p95 at 100,000 ÷ p95 at 1,000`,
      value: ratio,
      direction: "at most",
      target: 2,
      // Not run in short runs; the spread of full runs is in bench/README.md.
      noiseMargin: 0.5,
    });
    // The median is steadier: a deep page that walks the index from the top (the cursor as
    // `a < x OR (a = x AND b < y)`) doubled it at 100,000 while its p95 ratio stayed under 2.
    medians.push({
      name: `list ${kind}: p50 at 100,000 ÷ p50 at 1,000`,
      value: p(b, 50) / p(a, 50),
      direction: "at most",
      target: 1.5,
      noiseMargin: 0.2,
    });
  }
  ratios.push(...medians);
  console.log(
    "\nCSV export of every row, in run order; memory: the workerd that runs the Worker and D1, MB, before → peak during the export",
  );
  console.log(
    `${"payments".padEnd(10)}${"CSV MB".padStart(8)}${"first byte ms".padStart(15)}${"total ms".padStart(10)}${"rows/s".padStart(9)}${"RSS".padStart(22)}${"not file-backed".padStart(22)}`,
  );
  for (const { size, exported } of exportsInOrder) {
    const memory = (of: (m: ResidentMemory) => number) =>
      `${mb(of(exported.before))} → ${mb(of(exported.peak))} (+${mb(of(exported.peak) - of(exported.before))})`;
    console.log(
      `${size.toLocaleString("en").padEnd(10)}${mb(exported.bytes).padStart(8)}${ms(exported.firstByteMs).padStart(15)}${exported.totalMs.toFixed(0).padStart(10)}${((size * 1000) / exported.totalMs).toFixed(0).padStart(9)}${memory((m) => m.totalBytes).padStart(22)}${memory((m) => m.anonymousBytes).padStart(22)}`,
    );
  }
  console.log(
    "(not file-backed: RssAnon, without the database file that SQLite maps and reads through)",
  );
  // A buffered export would send its first byte only once the whole table was read.
  const firstByteShare = Math.max(
    ...exportsInOrder
      .filter((run) => run.size === LARGE)
      .map((run) => run.exported.firstByteMs / run.exported.totalMs),
  );
  // Reading every row before sending raised it by about 220 MB here; streaming, by 10–30 MB (the
  // garbage of 200 pages, before the collector runs). bench/README.md has both runs.
  const growth = Math.max(
    ...exportsInOrder
      .filter((run) => run.size === LARGE)
      .map((run) => run.exported.peak.totalBytes - run.exported.before.totalBytes),
  );
  ratios.push({
    name: "CSV export of 100,000: Worker RSS growth",
    value: growth / 2 ** 20,
    direction: "at most",
    target: 64,
    noiseMargin: 16,
    digits: 1,
    unit: "MB",
  });
  ratios.push({
    name: "CSV export of 100,000: first byte ÷ total time",
    value: firstByteShare,
    direction: "at most",
    target: 0.1,
    noiseMargin: 0.05,
    digits: 3,
  });
  return ratios;
}
