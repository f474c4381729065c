/**
 * Adds up a soak run: per-scenario outcomes, faults struck, notification and gateway counts, and
 * the global checks (see global-checks.ts).
 */
import type { ActiveFault, SandboxPaymentView } from "@ams-edge/sandbox";
import type { PaymentEvidence, PaymentVerdict } from "./check-payment.ts";
import { type GlobalCheck, globalChecks } from "./global-checks.ts";
import type { RefundSummary } from "./refund-summary.ts";
import { isFinalStatus, SCENARIOS, type ScenarioName } from "./soak-scenarios.ts";

/** Gateway requests the Worker sent, per operation, each attempt counted. */
export interface GatewayCalls {
  readonly pay: number;
  readonly inquiryPayment: number;
  readonly cancel: number;
}

/** Counts per scenario: payments, final statuses, correct ones, gateway calls. */
export interface ScenarioRow {
  readonly scenario: ScenarioName | "total";
  readonly payments: number;
  readonly statuses: Record<string, number>;
  readonly correct: number;
  /** Median milliseconds from create to final. */
  readonly p50Ms: number;
  /** Payments whose event log could be read, which the call counts cover. */
  readonly logged: number;
  /** Gateway calls of those payments, summed per operation. */
  readonly calls: GatewayCalls;
  /** The most gateway calls one payment made. */
  readonly maxCalls: number;
}

/** Planned fault rules of one kind (and operations) and how often they struck. */
export interface FaultRow {
  readonly label: string;
  readonly rules: number;
  readonly struck: number;
  readonly paymentsHit: number;
}

/** The notifications the soak signed and posted itself. */
export interface PostedCounts {
  /** Odd bodies posted before the payment's result. */
  readonly oddBefore: number;
  /** Odd bodies posted after it. */
  readonly oddAfter: number;
  /** The provider's failure notifications (no amount). */
  readonly providerFailures: number;
  readonly acknowledged: number;
  /** Found in a payment's event log. */
  readonly inEventLogs: number;
  /** Found in the review log only (they name no payment the Worker holds). */
  readonly inReviewLog: number;
}

/** How the attention flags went. */
export interface AttentionCounts {
  /** Payments whose scenario must raise a flag. */
  readonly planned: number;
  /** Flags raised, by reason. */
  readonly reasons: Record<string, number>;
  readonly listed: number;
  /** Cleared by `POST /api/payments/:id/inquire`. */
  readonly cleared: number;
  /** Median milliseconds from the create call to the flag. */
  readonly p50FlaggedMs: number;
}

/** Everything the summary table shows. */
export interface SoakSummary {
  readonly rows: readonly ScenarioRow[];
  readonly faults: readonly FaultRow[];
  readonly replays: number;
  readonly notifications: Record<string, number>;
  readonly posted: PostedCounts;
  readonly attention: AttentionCounts;
  readonly gateway: Record<string, number>;
  readonly decidedBy: Record<string, number>;
  readonly settleMs: { p50: number; p95: number; max: number };
  /** Status reads of the Worker that failed and were retried. */
  readonly readErrors: number;
  readonly checks: readonly GlobalCheck[];
  /** Payments that passed every per-payment check. */
  readonly paymentsPassed: number;
  /** The refunds' table and checks, when the run refunded anything. */
  readonly refunds?: RefundSummary;
}

const bump = (counts: Record<string, number>, name: string, by = 1) => {
  counts[name] = (counts[name] ?? 0) + by;
};

function faultLabel(fault: ActiveFault, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(fault.id);
  if (label !== undefined) return label;
  const apis = fault.apis === undefined ? "" : ` ${fault.apis.join("/")}`;
  const extent =
    fault.kind === "drop-notification" ? (fault.count === undefined ? " (all)" : " (1-3)") : "";
  return `${fault.kind}${apis}${extent}`;
}

function faultRows(
  faults: readonly ActiveFault[],
  labels: ReadonlyMap<string, string>,
): FaultRow[] {
  const rows = new Map<string, FaultRow>();
  for (const fault of faults) {
    const label = faultLabel(fault, labels);
    const row = rows.get(label) ?? { label, rules: 0, struck: 0, paymentsHit: 0 };
    rows.set(label, {
      label,
      rules: row.rules + 1,
      struck: row.struck + fault.struck,
      paymentsHit: row.paymentsHit + (fault.struck > 0 ? 1 : 0),
    });
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** Inputs of {@link summarize}. */
export interface SummaryInput {
  readonly evidence: readonly PaymentEvidence[];
  readonly verdicts: readonly PaymentVerdict[];
  /** Every payment at the gateway, ours or not. */
  readonly gatewayPayments: readonly SandboxPaymentView[];
  readonly faults: readonly ActiveFault[];
  /** False when the sandbox still had deliveries due or payments open at the end. */
  readonly quiet: boolean;
  /** Payments `GET /api/payments?attention=true` listed at the end; null when unreadable. */
  readonly flaggedAtEnd: number | null;
  /** Names of fault rules planned outside the payments' plan (the refunds'), by sandbox fault id. */
  readonly labels?: ReadonlyMap<string, string>;
}

/** The soak's own names of the fault rules that have one (plan labels), by sandbox fault id. */
function plannedLabels(evidence: readonly PaymentEvidence[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const { run } of evidence) {
    run.faultIds.forEach((id, i) => {
      const label = run.plan.faults[i]?.label;
      if (label !== undefined) labels.set(id, label);
    });
  }
  return labels;
}

function postedCounts(
  evidence: readonly PaymentEvidence[],
  verdicts: readonly PaymentVerdict[],
): PostedCounts {
  const all = evidence.flatMap((e) => e.run.posted);
  const sum = (pick: (v: PaymentVerdict) => number) => verdicts.reduce((n, v) => n + pick(v), 0);
  const inReviewLog = sum((v) => v.tally.postedInReview);
  return {
    oddBefore: all.filter((p) => p.when === "before").length,
    oddAfter: all.filter((p) => p.when === "after").length,
    providerFailures: all.filter((p) => p.kind === "provider-failure").length,
    acknowledged: all.filter((p) => p.httpStatus === 200).length,
    inEventLogs: sum((v) => v.tally.postedStored) - inReviewLog,
    inReviewLog,
  };
}

function attentionCounts(evidence: readonly PaymentEvidence[]): AttentionCounts {
  const planned = evidence.filter(
    (e) => SCENARIOS.find((s) => s.name === e.run.plan.scenario)?.attention !== undefined,
  ).length;
  const seen = evidence.flatMap((e) =>
    e.run.attention === null || e.run.attention.reason === null ? [] : [e.run.attention],
  );
  const reasons: Record<string, number> = {};
  for (const a of seen) bump(reasons, a.reason ?? "none");
  const times = seen.map((a) => a.flaggedAfterMs ?? 0).sort((x, y) => x - y);
  return {
    planned,
    reasons,
    listed: seen.filter((a) => a.listed).length,
    cleared: seen.filter((a) => a.cleared).length,
    p50FlaggedMs: percentile(times, 50),
  };
}

/** Adds up the run and evaluates the global checks. */
export function summarize(input: SummaryInput): SoakSummary {
  const { evidence, verdicts } = input;
  const newRow = (scenario: ScenarioRow["scenario"]) => ({
    scenario,
    payments: 0,
    statuses: {} as Record<string, number>,
    correct: 0,
    settle: [] as number[],
    logged: 0,
    calls: { pay: 0, inquiryPayment: 0, cancel: 0 },
    maxCalls: 0,
  });
  const rows = new Map(SCENARIOS.map((s) => [s.name, newRow(s.name)]));
  const total = newRow("total");
  const notifications: Record<string, number> = {};
  const gateway: Record<string, number> = {};
  const decidedBy: Record<string, number> = {};
  let lost = 0;
  let doubles = 0;
  let falsePaid = 0;
  let paymentsPassed = 0;
  evidence.forEach((e, i) => {
    const verdict = verdicts[i];
    const row = rows.get(e.run.plan.scenario);
    if (verdict === undefined || row === undefined) return;
    const status = e.view?.status ?? "unread";
    const ok = verdict.problems.length === 0;
    for (const r of [row, total]) {
      r.payments += 1;
      r.correct += ok ? 1 : 0;
      bump(r.statuses, isFinalStatus(status) ? status : "other");
      if (e.run.settledMs !== null) r.settle.push(e.run.settledMs);
    }
    if (ok) paymentsPassed += 1;
    lost += verdict.lostNotifications;
    doubles += verdict.doubleCharged ? 1 : 0;
    falsePaid += verdict.falsePaid ? 1 : 0;
    for (const [name, n] of Object.entries(verdict.tally)) bump(notifications, name, n);
    const facts = verdict.facts;
    if (facts !== null) {
      const { pay, inquiryPayment, cancel } = facts.requests;
      for (const r of [row, total]) {
        r.logged += 1;
        r.calls.pay += pay;
        r.calls.inquiryPayment += inquiryPayment;
        r.calls.cancel += cancel;
        r.maxCalls = Math.max(r.maxCalls, pay + inquiryPayment + cancel);
      }
      bump(gateway, "pay", facts.requests.pay);
      bump(gateway, "pay re-sends", Math.max(0, facts.requests.pay - 1));
      bump(gateway, "inquiryPayment", facts.requests.inquiryPayment);
      bump(gateway, "cancel", facts.requests.cancel);
      bump(gateway, "refund", facts.refundRequests.refund);
      bump(gateway, "inquiryRefund", facts.refundRequests.inquiryRefund);
      bump(gateway, "answers U", facts.unknownAnswers);
      bump(gateway, "answers HTTP 5xx", facts.httpErrors);
      bump(gateway, "calls ended TIMEOUT", facts.timeouts);
      bump(decidedBy, facts.decidedBy ?? "none");
    }
  });
  notifications.lost = lost;
  // Settle times arrive in order of completion; percentiles need them sorted.
  for (const r of [...rows.values(), total]) r.settle.sort((x, y) => x - y);
  const posted = postedCounts(evidence, verdicts);
  const attention = attentionCounts(evidence);
  const checks = globalChecks(input, {
    lost,
    doubles,
    falsePaid,
    notifications,
    attention,
  });
  return {
    rows: [...[...rows.values()].filter((r) => r.payments > 0), total].map(
      ({ settle: times, ...row }) => ({ ...row, p50Ms: percentile(times, 50) }),
    ),
    faults: faultRows(
      input.faults,
      new Map([...plannedLabels(evidence), ...(input.labels ?? new Map<string, string>())]),
    ),
    replays: evidence.filter((e) => e.run.plan.replayCreate).length,
    notifications,
    posted,
    attention,
    gateway,
    decidedBy,
    readErrors: evidence.reduce((sum, e) => sum + e.run.readErrors, 0),
    settleMs: {
      p50: percentile(total.settle, 50),
      p95: percentile(total.settle, 95),
      max: total.settle.at(-1) ?? 0,
    },
    checks,
    paymentsPassed,
  };
}
