/**
 * The soak's global checks: nothing acknowledged was lost, nothing was charged twice, nothing was
 * shown as paid without a verified success, everything settled, and every planned fault kind
 * actually struck (so that a quiet run cannot pass for a soak).
 */
import type { SummaryInput } from "./soak-summary.ts";

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
