/** Formats a {@link SoakSummary} as the plain-text tables the soak prints. */

import type { RefundSummary } from "./refund-summary.ts";
import { FINAL_STATUSES } from "./soak-scenarios.ts";
import type { SoakSummary } from "./soak-summary.ts";

/** How the run went, besides the summary: sizes and times. */
export interface RunInfo {
  readonly payments: number;
  readonly seed: number;
  readonly concurrency: number;
  /** Starting the sandbox and `wrangler dev`. */
  readonly startupMs: number;
  /** From the first create call to the last payment final. */
  readonly drivingMs: number;
  /** From start to the end of the checks. */
  readonly totalMs: number;
}

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
export function formatColumns(rows: readonly (readonly (string | number)[])[]): string[] {
  const cells = rows.map((row) => row.map(String));
  const widths: number[] = [];
  for (const row of cells) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return cells.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pairs = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");

/** The summary as lines of text. */
export function formatSummary(summary: SoakSummary, info: RunInfo): string {
  const statuses = [...FINAL_STATUSES, "other"];
  const scenarioTable = formatColumns([
    ["scenario", "payments", ...statuses, "correct", "p50 to final"],
    ...summary.rows.map((row) => [
      row.scenario,
      row.payments,
      ...statuses.map((s) => row.statuses[s] ?? 0),
      row.correct,
      `${Math.round(row.p50Ms)} ms`,
    ]),
  ]);
  const perPayment = (calls: number, logged: number) =>
    logged === 0 ? "-" : (calls / logged).toFixed(1);
  const callsTable = formatColumns([
    ["gateway calls per payment", "payments", "pay", "inquiryPayment", "cancel", "total", "max"],
    ...summary.rows.map(({ scenario, logged, calls, maxCalls }) => [
      scenario,
      logged,
      perPayment(calls.pay, logged),
      perPayment(calls.inquiryPayment, logged),
      perPayment(calls.cancel, logged),
      perPayment(calls.pay + calls.inquiryPayment + calls.cancel, logged),
      maxCalls,
    ]),
  ]);
  const faultTable = formatColumns([
    ["fault injected", "payments planned", "payments hit", "times struck"],
    ...summary.faults.map((f) => [f.label, f.rules, f.paymentsHit, f.struck]),
    ["merchant create replayed (same Idempotency-Key)", summary.replays, summary.replays, "-"],
  ]);
  const nameWidth = Math.max(...summary.checks.map((c) => c.name.length));
  const checkTable = summary.checks.map(
    (c) => `${(c.ok ? "ok" : "FAIL").padEnd(4)}  ${c.name.padEnd(nameWidth)}  ${c.detail}`,
  );
  const n = summary.notifications;
  const p = summary.posted;
  const a = summary.attention;
  const reasons = pairs(a.reasons);
  const rate = info.payments / (info.drivingMs / 1000);
  return [
    `soak: ${info.payments} payments, seed ${info.seed}, ${info.concurrency} in flight`,
    "",
    ...scenarioTable,
    "",
    ...callsTable,
    "",
    ...faultTable,
    "",
    `notifications  ${n.created ?? 0} created, ${n.undelivered ?? 0} never delivered (every attempt dropped); ` +
      `attempts: ${n.sent ?? 0} sent, ${n.dropped ?? 0} dropped, ${n.acknowledged ?? 0} acknowledged, ` +
      `${n.refused ?? 0} refused (bad signature); ${n.stored ?? 0} stored by the Worker, ${n.lost ?? 0} lost`,
    `signed by soak ${p.oddBefore + p.oddAfter} odd bodies (${p.oddBefore} before the result, ${p.oddAfter} after), ` +
      `${p.providerFailures} provider failures without an amount; ${p.acknowledged} acknowledged, ` +
      `${p.inEventLogs} kept in event logs, ${p.inReviewLog} in the review log only`,
    `attention      ${a.planned} planned, ${reasons === "" ? "none" : reasons} raised (p50 ${seconds(a.p50FlaggedMs)} after create), ` +
      `${a.listed} listed by ?attention=true, ${a.cleared} cleared by POST /inquire`,
    `gateway calls  ${pairs(summary.gateway)}`,
    `decided by     ${pairs(summary.decidedBy)}`,
    `time to final  p50 ${Math.round(summary.settleMs.p50)} ms, p95 ${Math.round(summary.settleMs.p95)} ms, max ${Math.round(summary.settleMs.max)} ms (${summary.readErrors} status reads failed and were retried)`,
    `elapsed        ${seconds(info.totalMs)} (stack up ${seconds(info.startupMs)}, payments ${seconds(info.drivingMs)}), ${rate.toFixed(1)} payments/s`,
    ...(summary.refunds === undefined ? [] : ["", ...formatRefundTable(summary.refunds)]),
    "",
    ...checkTable,
  ].join("\n");
}

/** The refunds table: how the refund requests were answered and where the refunds ended. */
export function formatRefundTable(refunds: RefundSummary): string[] {
  return formatColumns([
    [
      "refunds",
      "payments",
      "asked",
      "requests",
      "201",
      "replays",
      "409",
      "422",
      "cut off",
      "succeeded",
      "failed",
      "not final",
      "faults struck",
      "p50 to final",
    ],
    ...refunds.rows.map(({ phase, payments, counts: c, faultsStruck, p50Ms }) => [
      phase,
      payments,
      c.intents,
      c.requests,
      c.created,
      c.replays,
      c.keyReused,
      c.exceeded,
      c.cutOff,
      c.succeeded,
      c.failed,
      c.processing,
      faultsStruck,
      `${Math.round(p50Ms)} ms`,
    ]),
  ]);
}
