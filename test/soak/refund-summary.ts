/**
 * Adds up the refunds of a soak run: a table by phase (refunds asked, how they were answered,
 * where they ended, faults struck, time to final) and the refund checks.
 */
import type { ActiveFault } from "@ams-edge/sandbox";
import type { RefundCounts, RefundEvidence, RefundVerdict } from "./check-refunds.ts";
import type { GlobalCheck } from "./global-checks.ts";
import { indexAgrees, type RefundIndexComparison } from "./refund-index.ts";
import type { RestartPhase } from "./restart-phase.ts";

/** One row of the refunds table. */
export interface RefundRow {
  readonly phase: "during the run" | "across a restart" | "total";
  readonly payments: number;
  readonly counts: RefundCounts;
  /** Times the refund faults aimed at these payments struck. */
  readonly faultsStruck: number;
  /** Median milliseconds from a refund's first request to the Worker showing it final. */
  readonly p50Ms: number;
}

/** The refunds' part of the summary. */
export interface RefundSummary {
  readonly rows: readonly RefundRow[];
  readonly checks: readonly GlobalCheck[];
  /** Refunded payments that passed every refund check. */
  readonly paymentsPassed: number;
}

/** Inputs of {@link summarizeRefunds}. */
export interface RefundSummaryInput {
  readonly evidence: readonly RefundEvidence[];
  readonly verdicts: readonly RefundVerdict[];
  readonly faults: readonly ActiveFault[];
  /** Every payment's refunded total, the Worker's and the gateway's (null when unknown). */
  readonly totals: readonly { worker: string | null; gateway: string | null }[];
  readonly restart: RestartPhase | null;
  /** The D1 index against the objects; null when it could not be read. */
  readonly index: RefundIndexComparison | null;
}

const ZERO: RefundCounts = {
  intents: 0,
  requests: 0,
  created: 0,
  replays: 0,
  keyReused: 0,
  exceeded: 0,
  cutOff: 0,
  succeeded: 0,
  failed: 0,
  processing: 0,
};

function add(a: RefundCounts, b: RefundCounts): RefundCounts {
  const sum = { ...a };
  for (const name of Object.keys(sum) as (keyof RefundCounts)[]) sum[name] = a[name] + b[name];
  return sum;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function rowOf(
  phase: RefundRow["phase"],
  picked: readonly { e: RefundEvidence; v: RefundVerdict }[],
  struck: ReadonlyMap<string, number>,
): RefundRow {
  return {
    phase,
    payments: picked.length,
    counts: picked.reduce((sum, { v }) => add(sum, v.counts), ZERO),
    faultsStruck: picked
      .flatMap(({ e }) => e.run.faultIds)
      .reduce((sum, id) => sum + (struck.get(id) ?? 0), 0),
    p50Ms: median(picked.flatMap(({ e }) => [...e.run.settledMs.values()])),
  };
}

/** The refund checks: no double refund, totals equal to the ledger, none beyond paid, all final, the index. */
export function summarizeRefunds(input: RefundSummaryInput): RefundSummary {
  const both = input.evidence.flatMap((e, i) => {
    const v = input.verdicts[i];
    return v === undefined ? [] : [{ e, v }];
  });
  const struck = new Map(input.faults.map((f) => [f.id, f.struck]));
  const during = both.filter(({ e }) => e.run.plan.phase === "pool");
  const across = both.filter(({ e }) => e.run.plan.phase === "restart");
  const total = rowOf("total", both, struck);
  const c = total.counts;
  const doubles = both.reduce((n, { v }) => n + v.doubleRefunds, 0);
  const differ = both.filter(({ v }) => v.totalsDiffer).length;
  const beyond = both.filter(({ v }) => v.beyondPaid).length;
  const unequal = input.totals.filter((t) => t.worker === null || t.worker !== (t.gateway ?? "0"));
  const planned = both.filter(({ v }) => v.offPlan).length;
  const index = input.index;
  const restart = input.restart;
  const restartOk =
    restart !== null &&
    restart.heldAtRestart === restart.runs.length &&
    across.length === restart.runs.length &&
    across.every(({ v }) => v.problems.length === 0);
  const checks: GlobalCheck[] = [
    {
      name: "double refunds",
      ok: doubles === 0 && differ === 0,
      detail: `${doubles} refunds made twice or under an unknown id; ${differ} payments whose gateway total, Worker total and succeeded refunds differ`,
    },
    {
      name: "refunded totals = ledger",
      ok: unequal.length === 0 && planned === 0,
      detail: `${input.totals.length - unequal.length} of ${input.totals.length} payments refunded what the gateway says; ${planned} refunded payments off their plan`,
    },
    {
      name: "refunds beyond paid",
      ok: beyond === 0,
      detail: `${beyond} payments refunded beyond what was paid; ${c.exceeded} refused (422)`,
    },
    {
      name: "every refund final",
      ok: c.processing === 0 && during.length + across.length === both.length,
      detail: `${c.succeeded} succeeded, ${c.failed} failed, ${c.processing} not final`,
    },
    {
      name: "refund index (D1) = objects",
      ok: index !== null && indexAgrees(index),
      detail:
        index === null
          ? "GET /api/refunds unreadable"
          : `${index.rows} rows for ${index.refunds} refunds: ${index.missing} missing, ${index.extra} extra, ${index.differ} differ`,
    },
    {
      name: "refunds across a restart",
      ok: restartOk,
      detail:
        restart === null
          ? "no restart phase"
          : `${restart.heldAtRestart} of ${restart.runs.length} held at the gateway when wrangler dev restarted (up again in ${(restart.restartMs / 1000).toFixed(1)} s), ${across.filter(({ v }) => v.problems.length === 0).length} followed up from storage and right ${(restart.settleMs / 1000).toFixed(1)} s later`,
    },
  ];
  return {
    rows: [
      rowOf("during the run", during, struck),
      rowOf("across a restart", across, struck),
      total,
    ],
    checks,
    paymentsPassed: both.filter(({ v }) => v.problems.length === 0).length,
  };
}
