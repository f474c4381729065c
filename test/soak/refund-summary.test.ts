import type { ActiveFault } from "@ams-edge/sandbox";
import { describe, expect, it } from "vitest";
import { checkRefunds } from "./check-refunds.ts";
import type { RefundIndexComparison } from "./refund-index.ts";
import { summarizeRefunds } from "./refund-summary.ts";
import type { RestartPhase } from "./restart-phase.ts";
import { formatRefundTable } from "./summary-table.ts";
import { evidence, heldEvidence, ID1, ledgerRefund } from "./test-refund-evidence.ts";

const AGREES: RefundIndexComparison = { rows: 1, refunds: 1, missing: 0, extra: 0, differ: 0 };
const fault = (id: string, struck: number): ActiveFault => ({
  kind: "unknown-result",
  apis: ["refund"],
  id,
  remaining: 0,
  struck,
});

describe("summarizeRefunds", () => {
  const clean = evidence();
  const withFault = { ...clean, run: { ...clean.run, faultIds: ["f1"] } };
  const held = heldEvidence();
  const restart: RestartPhase = {
    runs: [held.run],
    heldAtRestart: 1,
    restartMs: 1500,
    settleMs: 1700,
  };

  const summary = (over: Partial<Parameters<typeof summarizeRefunds>[0]> = {}) => {
    const all = over.evidence ?? [withFault, held];
    return summarizeRefunds({
      evidence: all,
      verdicts: all.map(checkRefunds),
      faults: [fault("f1", 3)],
      totals: [
        { worker: "600", gateway: "600" },
        { worker: "0", gateway: "0" },
      ],
      restart,
      index: AGREES,
      ...over,
    });
  };

  it("passes every refund check on a clean run, and prints the refunds table by phase", () => {
    const s = summary();
    expect(s.checks.filter((c) => !c.ok)).toStrictEqual([]);
    expect(s.paymentsPassed).toBe(2);
    expect(formatRefundTable(s)).toStrictEqual([
      "refunds           payments  asked  requests  201  replays  409  422  cut off  succeeded  failed  not final  faults struck  p50 to final",
      "during the run           1      2         2    1        0    0    1        0          1       0          0              3        120 ms",
      "across a restart         1      1         2    0        1    0    0        1          1       0          0              0        120 ms",
      "total                    2      3         4    1        1    0    1        1          2       0          0              3        120 ms",
    ]);
  });

  it("fails the double-refund and ledger checks when the gateway refunded twice", () => {
    const twice = evidence({
      ledgerRefunded: "1200",
      ledgerRefunds: [ledgerRefund(ID1, "600"), ledgerRefund("ik1_cccccccccccccccc", "600")],
    });
    const s = summary({ evidence: [twice], totals: [{ worker: "600", gateway: "1200" }] });
    expect(s.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail])).toStrictEqual([
      [
        "double refunds",
        "1 refunds made twice or under an unknown id; 1 payments whose gateway total, Worker total and succeeded refunds differ",
      ],
      [
        "refunded totals = ledger",
        "0 of 1 payments refunded what the gateway says; 0 refunded payments off their plan",
      ],
      ["refunds beyond paid", "1 payments refunded beyond what was paid; 1 refused (422)"],
      [
        "refunds across a restart",
        "1 of 1 held at the gateway when wrangler dev restarted (up again in 1.5 s), 0 followed up from storage and right 1.7 s later",
      ],
    ]);
  });

  it("fails the index check when the index lags or differs, and the restart check without a phase", () => {
    const s = summary({ index: { ...AGREES, rows: 0, missing: 1 }, restart: null });
    expect(s.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail])).toStrictEqual([
      ["refund index (D1) = objects", "0 rows for 1 refunds: 1 missing, 0 extra, 0 differ"],
      ["refunds across a restart", "no restart phase"],
    ]);
  });
});
