import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRefundAction } from "./next-refund-action.ts";
import type { RefundEvent, RefundObservation } from "./refund-event.ts";
import { DEFAULT_REFUND_SCHEDULE } from "./refund-schedule.ts";
import { createRefunds, type RefundState } from "./refund-state.ts";
import { refundTotals } from "./refund-totals.ts";
import { transitionRefund } from "./transition-refund.ts";

const PAID = { currency: "USD", value: "500" };
const IDS = ["oc1_a", "oc1_b", "oc1_c", "oc1_d"] as const;

/** A refund call's answer, drawn by the model's gateway. */
const sendAnswerArb = fc.constantFrom(
  ["S", "SUCCESS"] as const,
  ["F", "REFUND_AMOUNT_EXCEED"] as const,
  ["F", "REPEAT_REQ_INCONSISTENT"] as const,
  ["U", "PAYMENT_IN_PROCESS"] as const,
  ["U", "TIMEOUT"] as const,
  ["U", "REQUEST_TRAFFIC_EXCEED_LIMIT"] as const,
  null, // never answered: the process stopped
);
const observationArb = fc.constantFrom<RefundObservation>(
  "SUCCESS",
  "FAIL",
  "PROCESSING",
  "ORDER_NOT_EXIST",
  "UNKNOWN",
);
/** A success reports the amount asked, another amount, or none. */
const amountArb = fc.constantFrom("asked", "other", "none");
const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant("request" as const),
    id: fc.constantFrom(...IDS),
    value: fc.integer({ min: 1, max: 600 }),
    answer: sendAnswerArb,
    amount: amountArb,
  }),
  fc.record({
    kind: fc.constant("inquiry" as const),
    observation: observationArb,
    amount: amountArb,
  }),
  fc.record({
    kind: fc.constant("notification" as const),
    id: fc.constantFrom(...IDS),
    answer: sendAnswerArb,
    amount: amountArb,
  }),
);
/** Answers drawn one by one, then the same unclear answer for ever. */
const runArb = fc.record({
  steps: fc.array(stepArb, { maxLength: 30 }),
  forever: fc.constantFrom<RefundObservation>("PROCESSING", "UNKNOWN", "ORDER_NOT_EXIST"),
});

const amountFor = (asked: string, kind: string) =>
  kind === "none" ? null : { currency: "USD", value: kind === "asked" ? asked : "7" };

/** Checks one transition: what no event may ever do. */
function check(before: RefundState, event: RefundEvent, after: RefundState): void {
  const { refunded, pending } = refundTotals(after, "USD");
  expect(refunded + pending <= 500n).toBe(true);
  for (const record of after.refunds) {
    const earlier = before.refunds.find((r) => r.refundRequestId === record.refundRequestId);
    if (earlier === undefined) continue;
    if (earlier.status === "succeeded" || earlier.status === "failed") {
      expect(record).toBe(earlier);
    }
    if (record.status === "failed" && earlier.status !== "failed") {
      // Only a verdict about this very id fails a refund in doubt.
      expect(event.refundRequestId).toBe(record.refundRequestId);
      const verdict =
        (event.type === "refund_result" &&
          event.status === "F" &&
          event.resultCode !== "REPEAT_REQ_INCONSISTENT") ||
        (event.type === "refund_inquiry_result" &&
          (event.observation === "FAIL" || event.observation === "ORDER_NOT_EXIST"));
      expect(verdict).toBe(true);
    }
  }
}

describe("the refund state machine, driven by nextRefundAction with any gateway", () => {
  it("never refunds more than was paid, never fails a refund in doubt without a verdict, and always ends", () => {
    fc.assert(
      fc.property(runArb, ({ steps, forever }) => {
        let state = createRefunds("oc1");
        let now = 1_000_000;
        const feed = (event: RefundEvent) => {
          const next = transitionRefund(state, event);
          check(state, event, next);
          state = next;
        };
        for (const step of steps) {
          now += 1000;
          if (step.kind === "request") {
            const asked = String(step.value);
            feed({
              type: "refund_requested",
              at: now,
              refundRequestId: step.id,
              amount: { currency: "USD", value: asked },
              reason: null,
              paid: PAID,
            });
            if (step.answer !== null) {
              now += 300;
              feed({
                type: "refund_result",
                at: now,
                refundRequestId: step.id,
                status: step.answer[0],
                resultCode: step.answer[1],
                refundAmount: step.answer[0] === "S" ? amountFor(asked, step.amount) : null,
              });
            }
          } else if (step.kind === "notification") {
            if (step.answer === null) continue;
            const asked = state.refunds.find((r) => r.refundRequestId === step.id)?.amount.value;
            feed({
              type: "refund_result",
              at: now,
              refundRequestId: step.id,
              status: step.answer[0],
              resultCode: step.answer[1],
              refundAmount: amountFor(asked ?? "1", step.amount),
            });
          } else {
            const action = nextRefundAction(state, now);
            if (action.type === "none") continue;
            now = action.at;
            const asked = state.refunds.find((r) => r.refundRequestId === action.refundRequestId)
              ?.amount.value;
            feed({
              type: "refund_inquiry_result",
              at: now,
              refundRequestId: action.refundRequestId,
              observation: step.observation,
              resultCode: step.observation === "ORDER_NOT_EXIST" ? "ORDER_NOT_EXIST" : "SUCCESS",
              refundAmount: amountFor(asked ?? "1", step.amount),
            });
          }
        }
        // Then the gateway never gives a verdict again: the follow-up still ends, each refund
        // settled or flagged, within a bounded number of inquiries.
        const bound = IDS.length * (DEFAULT_REFUND_SCHEDULE.attemptLimit + 1);
        let calls = 0;
        for (let action = nextRefundAction(state, now); action.type !== "none"; calls += 1) {
          expect(calls).toBeLessThan(bound);
          now = action.at;
          feed({
            type: "refund_inquiry_result",
            at: now,
            refundRequestId: action.refundRequestId,
            observation: forever,
            resultCode: forever === "ORDER_NOT_EXIST" ? "ORDER_NOT_EXIST" : "UNKNOWN_EXCEPTION",
            refundAmount: null,
          });
          action = nextRefundAction(state, now);
        }
        for (const record of state.refunds) {
          expect(
            record.status === "succeeded" ||
              record.status === "failed" ||
              record.attention !== null,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
