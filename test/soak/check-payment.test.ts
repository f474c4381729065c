import { describe, expect, it } from "vitest";
import { checkPayment } from "./check-payment.ts";
import {
  AMOUNT,
  attempt,
  entry,
  evidence,
  gatewayPayment,
  ID,
  notification,
  paidTransition,
  payRequest,
  stored,
  TIME_1,
  TIME_2,
} from "./test-evidence.ts";

describe("checkPayment", () => {
  it("passes a payment paid, notified, stored and shown as succeeded", () => {
    const verdict = checkPayment(evidence());
    expect([verdict.problems, verdict.expected, verdict.lostNotifications]).toStrictEqual([
      [],
      "succeeded",
      0,
    ]);
    expect(verdict.tally).toStrictEqual({
      created: 1,
      undelivered: 0,
      sent: 1,
      dropped: 0,
      acknowledged: 1,
      refused: 0,
      stored: 1,
    });
  });

  it("counts an acknowledged attempt missing from storage as lost", () => {
    const both = notification([attempt(TIME_1), attempt(TIME_2, { attempt: 2 })]);
    const verdict = checkPayment(evidence({ notifications: [both] }));
    expect([verdict.lostNotifications, verdict.problems]).toStrictEqual([
      1,
      ["1 acknowledged notification(s) missing from storage"],
    ]);
  });

  it("flags a stored notification whose delivery carried a corrupted signature", () => {
    const corrupt = attempt(TIME_1, {
      outcome: "not-acknowledged",
      httpStatus: 401,
      faults: ["corrupt-notification-signature"],
    });
    const verdict = checkPayment(evidence({ notifications: [notification([corrupt])] }));
    expect(verdict.problems).toStrictEqual([
      "1 stored notification(s) the sandbox never validly sent",
    ]);
  });

  it("flags two gateway payments, and a pay re-sent under another request id, as double charges", () => {
    const twice = checkPayment(evidence({ ledger: [gatewayPayment(), gatewayPayment()] }));
    const otherId = checkPayment(
      evidence({ log: [payRequest(), payRequest("ikother"), stored(TIME_1)] }),
    );
    expect([twice.doubleCharged, otherId.doubleCharged]).toStrictEqual([true, true]);
    expect(otherId.problems).toStrictEqual([`pay re-sent with another request id: ${ID}, ikother`]);
  });

  it("calls a succeeded payment the gateway declined a false paid", () => {
    const declined = gatewayPayment({ status: "FAIL", resultCode: "RISK_REJECT" });
    const verdict = checkPayment(evidence({ ledger: [declined] }));
    expect([verdict.falsePaid, verdict.expected]).toStrictEqual([true, "failed"]);
    expect(verdict.problems).toContain("shown as paid without a verified success at the gateway");
  });

  it("calls a success with no verified report behind it a false paid", () => {
    const verdict = checkPayment(evidence({ log: [payRequest()], notifications: [] }));
    expect(verdict.falsePaid).toBe(true);
  });

  it("accepts a success found by inquiry when no notification arrived", () => {
    const inquiry = entry(2, "response", {
      operation: "inquiry",
      status: "S",
      rawBody: JSON.stringify({ paymentStatus: "SUCCESS", paymentAmount: AMOUNT }),
    });
    const verdict = checkPayment(
      evidence({
        log: [payRequest(), inquiry, paidTransition("inquiry_result")],
        notifications: [],
      }),
    );
    expect([verdict.problems, verdict.falsePaid, verdict.facts?.decidedBy]).toStrictEqual([
      [],
      false,
      "inquiry_result",
    ]);
  });

  it("flags a status other than the ledger's, and a ledger other than the scenario's", () => {
    const closed = gatewayPayment({ status: "FAIL", resultCode: "ORDER_IS_CLOSED" });
    const verdict = checkPayment(
      evidence({
        view: { status: "failed", resultCode: "ORDER_IS_CLOSED" },
        ledger: [closed],
        log: [payRequest()],
        notifications: [],
      }),
    );
    expect(verdict.problems).toStrictEqual([
      "Worker says failed, the gateway's ledger calls for expired",
      "the gateway ended FAIL (expired); the scenario intends succeeded",
    ]);
  });
});
