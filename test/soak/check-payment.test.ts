import { describe, expect, it } from "vitest";
import { checkPayment, type PaymentEvidence } from "./check-payment.ts";
import type { AttentionRun } from "./follow-attention.ts";
import type { PostedNotification } from "./post-signed-notification.ts";
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
  run,
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
      posted: 0,
      postedAcknowledged: 0,
      postedStored: 0,
      postedInReview: 0,
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

describe("checkPayment: notifications the soak signed", () => {
  const ODD = JSON.stringify({ notifyType: "PAYMENT_RESULT", paymentRequestId: ID });
  const posted = (extra: Partial<PostedNotification> = {}): PostedNotification => ({
    kind: "result-missing",
    when: "before",
    storedIn: "payment",
    unappliedReason: "BODY_INVALID",
    requestTime: TIME_2,
    body: ODD,
    httpStatus: 200,
    ...extra,
  });
  const keptOdd = entry(4, "notification", { requestTime: TIME_2, rawBody: ODD });
  const unapplied = entry(5, "notification_unapplied", {
    reason: "BODY_INVALID",
    notifyType: "PAYMENT_RESULT",
    notificationSeq: 4,
  });
  const reviewed = { requestTime: TIME_2, body: ODD, reason: "BODY_INVALID" };
  const withPosted = (p: PostedNotification, extra: Partial<PaymentEvidence> = {}) =>
    evidence({
      run: run({ posted: [p] }),
      log: [payRequest(), stored(TIME_1), paidTransition("notification"), keptOdd, unapplied],
      review: [reviewed],
      ...extra,
    });

  it("passes an odd body kept unapplied in the event log and listed for review", () => {
    const verdict = checkPayment(withPosted(posted()));
    expect(verdict.problems).toStrictEqual([]);
    expect(verdict.tally).toMatchObject({
      stored: 2,
      posted: 1,
      postedAcknowledged: 1,
      postedStored: 1,
      postedInReview: 0,
    });
  });

  it("flags an odd body answered other than 200, missing, applied, or not listed for review", () => {
    const refused = checkPayment(withPosted(posted({ httpStatus: 503 })));
    const missing = checkPayment(
      withPosted(posted(), { log: [payRequest(), stored(TIME_1), paidTransition("notification")] }),
    );
    const applied = checkPayment(
      withPosted(posted(), {
        log: [payRequest(), stored(TIME_1), paidTransition("notification"), keptOdd],
      }),
    );
    const unlisted = checkPayment(withPosted(posted(), { review: [] }));
    const what = "the soak's result-missing notification (before)";
    expect([refused, missing, applied, unlisted].map((v) => v.problems)).toStrictEqual([
      [
        `${what} was answered 503, not 200`,
        "1 stored notification(s) the sandbox never validly sent",
      ],
      [`${what} is missing from the event log`],
      [`${what} was applied; expected kept unapplied (BODY_INVALID)`],
      [`${what} is not listed by GET /api/notifications?applied=false`],
    ]);
    expect(missing.tally.postedStored).toBe(0);
  });

  it("finds a body naming no payment in the review log, with its reason", () => {
    const review = posted({ kind: "json-array", storedIn: "review" });
    const found = checkPayment(
      withPosted(review, { log: [payRequest(), stored(TIME_1), paidTransition("notification")] }),
    );
    const wrongReason = checkPayment(
      withPosted(review, {
        log: [payRequest(), stored(TIME_1), paidTransition("notification")],
        review: [{ ...reviewed, reason: "PAYMENT_UNKNOWN" }],
      }),
    );
    expect([found.problems, found.tally.postedInReview]).toStrictEqual([[], 1]);
    expect(wrongReason.problems).toStrictEqual([
      "the soak's json-array notification (before) was kept unapplied (PAYMENT_UNKNOWN); expected kept unapplied (BODY_INVALID)",
    ]);
  });

  it("requires the provider's amount-less failure to be what failed the payment", () => {
    const FAILURE = JSON.stringify({ notifyType: "PAYMENT_RESULT", paymentRequestId: ID });
    const plan = {
      ...run().plan,
      scenario: "declines-no-amount" as const,
      customer: { kind: "decline-provider-notice" as const, resultCode: "RISK_REJECT", thinkMs: 0 },
    };
    const notice = posted({
      kind: "provider-failure",
      when: "result",
      unappliedReason: null,
      body: FAILURE,
    });
    const failedBy = (event: Record<string, unknown>) =>
      evidence({
        run: run({ plan, posted: [notice], actions: ["decline:RISK_REJECT"] }),
        view: { status: "failed", resultCode: "RISK_REJECT", attention: null },
        ledger: [gatewayPayment({ status: "FAIL", resultCode: "RISK_REJECT" })],
        log: [
          payRequest(),
          entry(2, "notification", { requestTime: TIME_2, rawBody: FAILURE }),
          entry(3, "transition", { event, from: "awaiting_payment", to: "failed" }),
        ],
        notifications: [],
      });
    const byNotice = { type: "notification", resultStatus: "F", resultCode: "RISK_REJECT" };
    const ok = checkPayment(failedBy({ ...byNotice, paymentAmount: null }));
    const byInquiry = checkPayment(failedBy({ type: "inquiry_result", paymentStatus: "FAIL" }));
    expect(ok.problems).toStrictEqual([]);
    expect(byInquiry.problems).toStrictEqual([
      'expected the provider\'s amount-less failure notification to fail the payment; decided by {"type":"inquiry_result","paymentStatus":"FAIL"}',
    ]);
  });
});

describe("checkPayment: attention", () => {
  const expiredPlan = {
    ...run().plan,
    scenario: "cancel-unanswered" as const,
    customer: { kind: "none" as const },
  };
  const followed: AttentionRun = {
    reason: "CANCEL_UNANSWERED",
    flaggedAfterMs: 10_000,
    listed: true,
    inquiredStatus: "expired",
    cleared: true,
    unlisted: true,
  };
  const unanswered = (attention: AttentionRun | null, extra: Partial<PaymentEvidence> = {}) =>
    evidence({
      run: run({ plan: expiredPlan, attention, actions: [] }),
      view: { status: "expired", resultCode: "ORDER_IS_CLOSED", attention: null },
      ledger: [gatewayPayment({ status: "FAIL", resultCode: "ORDER_IS_CLOSED" })],
      log: [payRequest()],
      notifications: [],
      ...extra,
    });

  it("passes a flag raised with the planned reason, listed, and cleared by the inquire", () => {
    expect(checkPayment(unanswered(followed)).problems).toStrictEqual([]);
  });

  it("flags a flag never raised, raised for another reason, unlisted or left up", () => {
    const problems = [
      unanswered(null),
      unanswered({ ...followed, reason: "OUTCOME_UNKNOWN", listed: false }),
      unanswered({ ...followed, cleared: false, unlisted: false }),
    ].map((e) => checkPayment(e).problems);
    expect(problems).toStrictEqual([
      ["expected the attention flag CANCEL_UNANSWERED; it was never raised"],
      [
        "flagged OUTCOME_UNKNOWN, expected CANCEL_UNANSWERED",
        "flagged, but not listed by GET /api/payments?attention=true",
      ],
      [
        "the inquire left the flag up (status expired)",
        "still listed by ?attention=true after the inquire",
      ],
    ]);
  });

  it("flags any payment still flagged at the end", () => {
    const flagged = evidence({
      view: {
        status: "succeeded",
        resultCode: "SUCCESS",
        attention: { reason: "CANCEL_UNANSWERED", since: "2026-01-01T00:00:05.000Z" },
      },
    });
    expect(checkPayment(flagged).problems).toStrictEqual([
      "still flagged for attention (CANCEL_UNANSWERED) at the end",
    ]);
  });
});
