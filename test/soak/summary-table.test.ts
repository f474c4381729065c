import { describe, expect, it } from "vitest";
import { checkPayment } from "./check-payment.ts";
import { summarize } from "./soak-summary.ts";
import { formatColumns, formatSummary } from "./summary-table.ts";
import { entry, evidence, gatewayPayment, payRequest, run } from "./test-evidence.ts";

describe("formatColumns", () => {
  it("pads the first column on the right and the others on the left", () => {
    expect(
      formatColumns([
        ["scenario", "n", "ok"],
        ["pays", 120, 120],
        ["never-pays", 7, 6],
      ]),
    ).toStrictEqual(["scenario      n   ok", "pays        120  120", "never-pays    7    6"]);
  });
});

describe("formatSummary", () => {
  it("prints gateway calls per payment by scenario: the mean per operation, the total, the most", () => {
    const expired = evidence({
      run: run({ paymentRequestId: "ik4", plan: { ...run().plan, scenario: "never-pays" } }),
      view: { status: "expired", resultCode: null },
      ledger: [gatewayPayment({ paymentRequestId: "ik4", status: "CANCELLED" })],
      log: [
        payRequest("ik4"),
        ...[4, 5, 6].map((seq) => entry(seq, "request", { operation: "inquiryPayment" })),
        entry(7, "request", { operation: "cancel" }),
      ],
      notifications: [],
    });
    const all = [evidence(), expired];
    const summary = summarize({
      evidence: all,
      verdicts: all.map(checkPayment),
      gatewayPayments: all.flatMap((e) => e.ledger),
      faults: [],
      quiet: true,
      flaggedAtEnd: 0,
    });
    const info = {
      payments: 2,
      seed: 1,
      concurrency: 1,
      startupMs: 1000,
      drivingMs: 1000,
      totalMs: 2000,
    };
    const lines = formatSummary(summary, info).split("\n");
    const start = lines.findIndex((line) => line.startsWith("gateway calls per payment"));
    expect(lines.slice(start, start + 5)).toStrictEqual([
      "gateway calls per payment  payments  pay  inquiryPayment  cancel  total  max",
      "pays                              1  1.0             0.0     0.0    1.0    1",
      "never-pays                        1  1.0             3.0     1.0    5.0    5",
      "total                             2  1.0             1.5     0.5    3.0    5",
      "",
    ]);
  });
});
