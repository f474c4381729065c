import type { ActiveFault } from "@ams-edge/sandbox";
import { describe, expect, it } from "vitest";
import { checkPayment } from "./check-payment.ts";
import { summarize } from "./soak-summary.ts";
import {
  attempt,
  entry,
  evidence,
  gatewayPayment,
  ID,
  notification,
  paidTransition,
  payRequest,
  run,
  stored,
  TIME_1,
  TIME_2,
} from "./test-evidence.ts";

const fault = (kind: ActiveFault["kind"], struck: number, id: string): ActiveFault => ({
  kind,
  id,
  remaining: null,
  struck,
  paymentRequestId: ID,
});

describe("summarize", () => {
  const clean = evidence();
  const lossy = evidence({
    run: run({ paymentRequestId: "ik2", settledMs: 500 }),
    ledger: [gatewayPayment({ paymentRequestId: "ik2" })],
    log: [payRequest("ik2"), stored(TIME_1), paidTransition("notification")],
    notifications: [notification([attempt(TIME_1), attempt(TIME_2, { attempt: 2 })])],
  });
  const all = [clean, lossy];

  it("counts payments per scenario and status, and one lost notification", () => {
    const summary = summarize({
      evidence: all,
      verdicts: all.map(checkPayment),
      gatewayPayments: [gatewayPayment(), gatewayPayment({ paymentRequestId: "ik2" })],
      faults: [fault("drop-notification", 1, "fault-1")],
      quiet: true,
      flaggedAtEnd: 0,
    });
    expect(
      summary.rows.map((r) => [r.scenario, r.payments, r.statuses, r.correct, r.p50Ms]),
    ).toStrictEqual([
      ["pays", 2, { succeeded: 2 }, 1, 500],
      ["total", 2, { succeeded: 2 }, 1, 500],
    ]);
    expect([summary.paymentsPassed, summary.notifications.lost]).toStrictEqual([1, 1]);
    expect(summary.rows.map((r) => [r.scenario, r.logged, r.calls, r.maxCalls])).toStrictEqual([
      ["pays", 2, { pay: 2, inquiryPayment: 0, cancel: 0 }, 1],
      ["total", 2, { pay: 2, inquiryPayment: 0, cancel: 0 }, 1],
    ]);
    expect(summary.checks.map((c) => [c.name, c.ok])).toStrictEqual([
      ["lost notifications", false],
      ["every signed notification stored", false],
      ["double charges", true],
      ["false paid", true],
      ["all final in time", true],
      ["attention raised and cleared", true],
      ["sandbox quiet at the end", true],
      ["every fault kind struck", true],
    ]);
  });

  it("fails on a gateway payment nobody created, a kind that never struck, and an unsettled run", () => {
    const summary = summarize({
      evidence: [evidence({ run: run({ settledMs: null }) })],
      verdicts: [checkPayment(evidence())],
      gatewayPayments: [gatewayPayment(), gatewayPayment({ paymentRequestId: "ikstray" })],
      faults: [fault("drop-notification", 2, "fault-1"), fault("hang", 0, "fault-2")],
      quiet: false,
      flaggedAtEnd: 0,
    });
    expect(summary.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail])).toStrictEqual([
      ["double charges", "0 payments charged twice; 2 gateway payments for 1 created, 1 unknown"],
      ["all final in time", "1 not final"],
      [
        "sandbox quiet at the end",
        "deliveries still due or payments still open 30 s after the last payment",
      ],
      ["every fault kind struck", "planned but never struck: hang"],
    ]);
  });

  it("counts gateway calls per payment from the event logs, each attempt once", () => {
    const request = (seq: number, operation: string) => entry(seq, "request", { operation });
    const inquired = evidence({
      run: run({ paymentRequestId: "ik3", plan: { ...run().plan, scenario: "pays-silent" } }),
      ledger: [gatewayPayment({ paymentRequestId: "ik3" })],
      log: [
        payRequest("ik3"),
        request(4, "inquiryPayment"),
        request(5, "inquiryPayment"),
        request(6, "inquiryPayment"),
        paidTransition("inquiry_result"),
      ],
      notifications: [],
    });
    const unread = evidence({ log: null });
    const all = [clean, inquired, unread];
    const summary = summarize({
      evidence: all,
      verdicts: all.map(checkPayment),
      gatewayPayments: [gatewayPayment(), gatewayPayment({ paymentRequestId: "ik3" })],
      faults: [],
      quiet: true,
      flaggedAtEnd: 0,
    });
    expect(
      summary.rows.map((r) => [r.scenario, r.payments, r.logged, r.calls, r.maxCalls]),
    ).toStrictEqual([
      ["pays", 2, 1, { pay: 1, inquiryPayment: 0, cancel: 0 }, 1],
      ["pays-silent", 1, 1, { pay: 1, inquiryPayment: 3, cancel: 0 }, 4],
      ["total", 3, 2, { pay: 2, inquiryPayment: 3, cancel: 0 }, 4],
    ]);
  });

  it("counts the soak's signed notifications into every signed one stored", () => {
    const body = "not json";
    const posted = {
      kind: "not-json" as const,
      when: "after" as const,
      storedIn: "review" as const,
      unappliedReason: "BODY_NOT_JSON",
      requestTime: TIME_2,
      body,
      httpStatus: 200,
    };
    const kept = evidence({
      run: run({ posted: [posted] }),
      review: [{ requestTime: TIME_2, body, reason: "BODY_NOT_JSON" }],
    });
    const lost = evidence({ run: run({ posted: [posted] }) });
    const check = (e: typeof kept) =>
      summarize({
        evidence: [e],
        verdicts: [checkPayment(e)],
        gatewayPayments: [gatewayPayment()],
        faults: [],
        quiet: true,
        flaggedAtEnd: 0,
      }).checks.find((c) => c.name === "every signed notification stored");
    expect([check(kept), check(lost)]).toStrictEqual([
      {
        name: "every signed notification stored",
        ok: true,
        detail: "2 signed deliveries (1 posted by the soak), 2 acknowledged, 2 stored",
      },
      {
        name: "every signed notification stored",
        ok: false,
        detail: "2 signed deliveries (1 posted by the soak), 2 acknowledged, 1 stored",
      },
    ]);
  });

  it("fails the attention check on a flag left at the end or one no scenario plans", () => {
    const flagged = evidence({
      run: run({
        attention: {
          reason: "CANCEL_UNANSWERED",
          flaggedAfterMs: 1,
          listed: true,
          inquiredStatus: "succeeded",
          cleared: true,
          unlisted: true,
        },
      }),
    });
    const check = (e: typeof flagged, flaggedAtEnd: number) =>
      summarize({
        evidence: [e],
        verdicts: [checkPayment(e)],
        gatewayPayments: [gatewayPayment()],
        faults: [],
        quiet: true,
        flaggedAtEnd,
      }).checks.find((c) => c.name === "attention raised and cleared");
    expect([check(clean, 1), check(flagged, 0)]).toStrictEqual([
      {
        name: "attention raised and cleared",
        ok: false,
        detail: "0 raised for 0 planned, 0 listed, 0 cleared by an inquiry; 1 flagged at the end",
      },
      {
        name: "attention raised and cleared",
        ok: false,
        detail:
          "1 raised for 0 planned (CANCEL_UNANSWERED 1), 1 listed, 1 cleared by an inquiry; 0 flagged at the end",
      },
    ]);
  });
});
