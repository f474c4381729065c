/**
 * The soak's global checks: nothing acknowledged was lost, every signed notification was stored,
 * nothing was charged twice, nothing was shown as paid without a verified success, everything
 * settled, attention flags rose only where planned and were cleared, and every planned fault kind
 * actually struck (so that a quiet run cannot pass for a soak).
 */
import type { AttentionCounts, SummaryInput } from "./soak-summary.ts";

/** One global check: a name, whether it held, and the numbers behind it. */
export interface GlobalCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Totals of the per-payment verdicts that the global checks rest on. */
export interface VerdictTotals {
  /** Acknowledged notification attempts missing from storage. */
  readonly lost: number;
  /** Payments with more than one gateway payment, or a pay sent under another request id. */
  readonly doubles: number;
  /** Payments shown as succeeded without a verified success at the gateway. */
  readonly falsePaid: number;
  /** The notification tallies of every payment, added up by name (see `NotificationTally`). */
  readonly notifications: Readonly<Record<string, number>>;
  readonly attention: AttentionCounts;
}

/**
 * Every signed delivery (the sandbox's, minus the corrupted ones the Worker refused, plus the
 * soak's own) must be acknowledged, and every acknowledged one stored.
 */
function signedStored(totals: VerdictTotals): GlobalCheck {
  const n = (name: string) => totals.notifications[name] ?? 0;
  const signed = n("sent") - n("refused") + n("posted");
  const acknowledged = n("acknowledged") + n("postedAcknowledged");
  const stored = n("acknowledged") - totals.lost + n("postedStored");
  return {
    name: "every signed notification stored",
    ok: acknowledged === signed && stored === acknowledged,
    detail: `${signed} signed deliveries (${n("posted")} posted by the soak), ${acknowledged} acknowledged, ${stored} stored`,
  };
}

/** Flags only where a scenario raises one, each listed and cleared; none left at the end. */
function attentionCheck(totals: VerdictTotals, flaggedAtEnd: number | null): GlobalCheck {
  const { planned, reasons, listed, cleared } = totals.attention;
  const raised = Object.values(reasons).reduce((sum, k) => sum + k, 0);
  const why = Object.entries(reasons)
    .map(([reason, k]) => `${reason} ${k}`)
    .join(", ");
  return {
    name: "attention raised and cleared",
    ok: raised === planned && listed === raised && cleared === raised && flaggedAtEnd === 0,
    detail: `${raised} raised for ${planned} planned${why === "" ? "" : ` (${why})`}, ${listed} listed, ${cleared} cleared by an inquiry; ${flaggedAtEnd ?? "unreadable:"} flagged at the end`,
  };
}

/** Evaluates the global checks. */
export function globalChecks(input: SummaryInput, totals: VerdictTotals): GlobalCheck[] {
  const { evidence, verdicts, gatewayPayments, faults } = input;
  const { lost, doubles, falsePaid } = totals;
  const ourIds = new Set(evidence.map((e) => e.run.paymentRequestId));
  const orphans = gatewayPayments.filter((p) => !ourIds.has(p.paymentRequestId)).length;
  const created = evidence.filter((e) => e.run.paymentRequestId !== null).length;
  const kinds = [...new Set(faults.map((f) => f.kind))];
  const silentKinds = kinds.filter((k) => faults.every((f) => f.kind !== k || f.struck === 0));
  const unsettled = evidence.filter((e) => e.run.settledMs === null).length;
  const succeeded = evidence.filter((e) => e.view?.status === "succeeded").length;
  const paidPerLedger = verdicts.filter((v) => v.expected === "succeeded").length;
  return [
    { name: "lost notifications", ok: lost === 0, detail: `${lost} acknowledged, not stored` },
    signedStored(totals),
    {
      name: "double charges",
      ok: doubles === 0 && orphans === 0 && gatewayPayments.length === created,
      detail: `${doubles} payments charged twice; ${gatewayPayments.length} gateway payments for ${created} created, ${orphans} unknown`,
    },
    {
      name: "false paid",
      ok: falsePaid === 0 && succeeded <= paidPerLedger,
      detail: `${falsePaid} paid without a verified success; ${succeeded} succeeded, ${paidPerLedger} paid per the ledger`,
    },
    { name: "all final in time", ok: unsettled === 0, detail: `${unsettled} not final` },
    attentionCheck(totals, input.flaggedAtEnd),
    {
      name: "sandbox quiet at the end",
      ok: input.quiet,
      detail: input.quiet
        ? "no delivery due, no payment open"
        : "deliveries still due or payments still open 30 s after the last payment",
    },
    {
      name: "every fault kind struck",
      ok: silentKinds.length === 0,
      detail:
        silentKinds.length === 0
          ? `${kinds.length} kinds`
          : `planned but never struck: ${silentKinds.join(", ")}`,
    },
  ];
}
