/**
 * Checks one payment's refunds against the gateway's ledger: every tap answered as the plan
 * says, each refund the merchant meant made at most once and sent under one id, the refunded
 * totals of the Worker and the gateway equal (and equal to what the plan refunds), nothing
 * refunded beyond the paid amount, and every refund final.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { SandboxRefundView } from "@ams-edge/sandbox";
import type { RefundAnswer, RefundRun, TapRun } from "./drive-refunds.ts";
import { expectedRefunded } from "./refund-plan.ts";
import type { LogEntry } from "./worker-log-facts.ts";

/** Everything known about one payment's refunds once the run is over. */
export interface RefundEvidence {
  readonly run: RefundRun;
  /** The refund id each key of the plan stands for. */
  readonly keyIds: ReadonlyMap<string, string>;
  /** What was paid, in minor units. */
  readonly paid: string;
  /** The Worker's view after the run; null when unreadable. */
  readonly view: Partial<Pick<PaymentView, "refunded" | "refunds" | "attention">> | null;
  /** The Worker's event log; null when unreadable. */
  readonly log: readonly LogEntry[] | null;
  /** The gateway's refunded total for the payment, in minor units; null without a gateway payment. */
  readonly ledgerRefunded: string | null;
  /** The refunds the gateway made of the payment. */
  readonly ledgerRefunds: readonly SandboxRefundView[];
}

/** How one payment's refund requests were answered, and where its refunds ended. */
export interface RefundCounts {
  /** Refunds the merchant meant (distinct keys). */
  intents: number;
  requests: number;
  created: number;
  replays: number;
  keyReused: number;
  exceeded: number;
  /** Requests that got no answer (the device gave up, or the Worker restarted under them). */
  cutOff: number;
  succeeded: number;
  failed: number;
  /** Not final in the Worker's view. */
  processing: number;
}

/** The verdict on one payment's refunds. */
export interface RefundVerdict {
  /** Empty when every check passed. */
  readonly problems: readonly string[];
  /** Refunds made more than once for one key, or made at the gateway under an id no key gives. */
  readonly doubleRefunds: number;
  /** The gateway's and the Worker's refunded totals (and the Worker's succeeded refunds) differ. */
  readonly totalsDiffer: boolean;
  /** More refunded than paid, at the gateway or in the Worker, or a refund beyond it accepted. */
  readonly beyondPaid: boolean;
  /** The Worker's refunded total is not what the plan refunds. */
  readonly offPlan: boolean;
  readonly counts: RefundCounts;
}

/** The refund calls and inquiries sent for each refund id, from the event log. */
export function refundCalls(
  log: readonly LogEntry[],
): Map<string, { calls: number; attempts: number; inquiries: number }> {
  const calls = new Map<string, { calls: number; attempts: number; inquiries: number }>();
  for (const entry of log) {
    if (entry.kind !== "request") continue;
    const { operation, attempt, body } = entry.data;
    if (operation !== "refund" && operation !== "inquiryRefund") continue;
    let id: unknown;
    try {
      id = (JSON.parse(String(body)) as { refundRequestId?: unknown }).refundRequestId;
    } catch {
      continue;
    }
    if (typeof id !== "string") continue;
    const row = calls.get(id) ?? { calls: 0, attempts: 0, inquiries: 0 };
    if (operation === "inquiryRefund") row.inquiries += 1;
    else {
      row.attempts += 1;
      if (attempt === 1) row.calls += 1;
    }
    calls.set(id, row);
  }
  return calls;
}

const describe = (a: RefundAnswer) =>
  a.status === null
    ? `cut off (${a.code})`
    : `${a.status}${a.replayed ? " (replay)" : ""}${a.code === null ? "" : ` ${a.code}`}`;

/** Problems with the answers of one tap, given the refund id its key stands for. */
export function tapProblems(tap: TapRun, refundId: string): string[] {
  const { answers } = tap;
  const statuses = answers.map((a) => a.status);
  const got = answers.map(describe).join(", ");
  const what = `tap ${tap.tap.key} (${tap.tap.send}, expect ${tap.tap.expect}): got ${got}`;
  const answered = answers.filter((a) => a.status === 201);
  const problems: string[] = [];
  if (answered.some((a) => a.refundRequestId !== refundId)) {
    problems.push(`${what}; answered for another refund id than ${refundId}`);
  }
  const created = answers.filter((a) => a.status === 201 && !a.replayed).length;
  const replayed = (a: RefundAnswer | undefined) => a?.status === 201 && a.replayed;
  let ok: boolean;
  switch (tap.tap.expect) {
    case "created":
      if (tap.tap.send === "twice-at-once") {
        ok = created === 1 && answers.filter(replayed).length === 1;
      } else if (tap.tap.send === "timeout-then-retry") {
        ok = statuses[0] === null && statuses[1] === 201 && created <= 1;
      } else if (tap.tap.held) {
        // Held across the restart: the first answer may be cut off, a retry replays.
        ok =
          (statuses[0] === 201 || statuses[0] === null) &&
          answers.slice(1).every(replayed) &&
          created <= 1;
      } else {
        ok = statuses.length === 1 && statuses[0] === 201;
      }
      break;
    case "replay":
      ok = statuses.length === 1 && replayed(answers[0]);
      break;
    case "key-reused":
      ok =
        statuses.length === 1 &&
        statuses[0] === 409 &&
        answers[0]?.code === "IDEMPOTENCY_KEY_REUSED";
      break;
    case "exceeded":
      ok =
        statuses.length === 1 &&
        statuses[0] === 422 &&
        answers[0]?.code === "REFUND_AMOUNT_EXCEEDED";
      break;
  }
  if (!ok) problems.push(what);
  return problems;
}

function countsOf(evidence: RefundEvidence): RefundCounts {
  const answers = evidence.run.taps.flatMap((t) => t.answers);
  const ours = new Set(evidence.keyIds.values());
  const refunds = (evidence.view?.refunds ?? []).filter((r) => ours.has(r.refundRequestId));
  const statusIs = (s: number | null) => answers.filter((a) => a.status === s).length;
  return {
    intents: new Set(evidence.run.plan.taps.map((t) => t.key)).size,
    requests: answers.length,
    created: answers.filter((a) => a.status === 201 && !a.replayed).length,
    replays: answers.filter((a) => a.replayed).length,
    keyReused: statusIs(409),
    exceeded: statusIs(422),
    cutOff: statusIs(null),
    succeeded: refunds.filter((r) => r.status === "succeeded").length,
    failed: refunds.filter((r) => r.status === "failed").length,
    processing: refunds.filter((r) => r.status === "processing").length,
  };
}

/** Checks one payment's refunds. */
export function checkRefunds(evidence: RefundEvidence): RefundVerdict {
  const { run, keyIds, view, log } = evidence;
  const problems = [...run.problems];
  for (const tap of run.taps) problems.push(...tapProblems(tap, keyIds.get(tap.tap.key) ?? ""));
  const counts = countsOf(evidence);
  if (view === null || view.refunds === undefined || view.refunded === undefined) {
    problems.push("payment view unreadable, or without refunds");
    return {
      problems,
      doubleRefunds: 0,
      totalsDiffer: true,
      beyondPaid: false,
      offPlan: true,
      counts,
    };
  }
  // Each key stands for one refund id; the gateway must hold at most one refund per id, and
  // none under an id no key of ours gives.
  const known = new Set(keyIds.values());
  const perId = new Map<string, number>();
  for (const r of evidence.ledgerRefunds)
    perId.set(r.refundRequestId, (perId.get(r.refundRequestId) ?? 0) + 1);
  const unknown = [...perId.keys()].filter((id) => !known.has(id));
  const repeated = [...perId.values()].filter((n) => n > 1).length;
  const doubleRefunds = unknown.length + repeated;
  if (doubleRefunds > 0) {
    problems.push(
      `double refunds: ${repeated} ids refunded twice, ${unknown.length} refunds under unknown ids (${unknown.join(", ")})`,
    );
  }
  // The Worker's refunds: only ours, recorded once, none recorded for a refused tap.
  const refused = new Set(
    run.plan.taps.filter((t) => t.expect === "exceeded").map((t) => keyIds.get(t.key) ?? ""),
  );
  for (const r of view.refunds) {
    if (!known.has(r.refundRequestId))
      problems.push(`the Worker holds refund ${r.refundRequestId}, which no key gives`);
    if (refused.has(r.refundRequestId))
      problems.push(`refund ${r.refundRequestId} was refused, yet recorded`);
  }
  const sum = (values: readonly string[]) => values.reduce((n, v) => n + BigInt(v), 0n);
  const ledgerTotal = BigInt(evidence.ledgerRefunded ?? "0");
  const ledgerSum = sum(evidence.ledgerRefunds.map((r) => r.amount.value));
  const workerTotal = BigInt(view.refunded.value);
  const succeededSum = sum(
    view.refunds.filter((r) => r.status === "succeeded").map((r) => r.amount.value),
  );
  const totalsDiffer = !(
    ledgerTotal === workerTotal &&
    ledgerSum === workerTotal &&
    succeededSum === workerTotal
  );
  if (totalsDiffer) {
    problems.push(
      `refunded: gateway ${ledgerTotal} (its refunds add up to ${ledgerSum}), Worker ${workerTotal} (its succeeded refunds ${succeededSum})`,
    );
  }
  const expected = expectedRefunded(run.plan);
  const offPlan = workerTotal !== expected;
  if (offPlan) problems.push(`refunded ${workerTotal}, the plan refunds ${expected}`);
  const paid = BigInt(evidence.paid);
  const acceptedBeyond = run.taps.some(
    (t) => t.tap.expect === "exceeded" && t.answers.some((a) => a.status === 201),
  );
  const beyondPaid = ledgerTotal > paid || workerTotal > paid || acceptedBeyond;
  if (beyondPaid)
    problems.push(
      `refunded beyond the paid ${paid}: gateway ${ledgerTotal}, Worker ${workerTotal}`,
    );
  if (counts.processing > 0) problems.push(`${counts.processing} refunds not final`);
  if (view.attention !== undefined && view.attention !== null) {
    problems.push(`flagged ${view.attention.reason}, no refund scenario raises a flag`);
  }
  // Money moves once: one refund call per id (its retries are attempts of that call); a
  // refund cut off by the restart is settled by an inquiry from storage, never sent again.
  if (log === null) problems.push("event log unreadable");
  else {
    const calls = refundCalls(log);
    for (const r of view.refunds) {
      const c = calls.get(r.refundRequestId);
      if (c?.calls !== 1)
        problems.push(`refund ${r.refundRequestId} was sent as ${c?.calls ?? 0} calls`);
    }
    if (run.plan.phase === "restart") {
      for (const id of new Set(keyIds.values())) {
        if ((calls.get(id)?.inquiries ?? 0) === 0)
          problems.push(`refund ${id}, cut off by the restart, was never inquired about`);
      }
    }
  }
  return { problems, doubleRefunds, totalsDiffer, beyondPaid, offPlan, counts };
}
