import type { AmsClient, PaymentEvent, PaymentState } from "@ams-edge/core";
import { outcomeLogEntry, outcomeOf } from "./gateway-events.ts";
import type { EventKind } from "./payment-storage.ts";
import {
  judgeRefundInquiry,
  type RefundInquirySchedule,
  refundInquiryTimes,
  stalledRefunds,
} from "./refund-inquiry.ts";
import type { RefundInquiryStorage } from "./refund-inquiry-storage.ts";

/** What {@link followUpRefunds} works with: the payment object's storage, client and state. */
export interface RefundFollowUp {
  /** The current state (read again after every gateway call). */
  state: () => PaymentState;
  client: AmsClient;
  apply: (event: PaymentEvent) => boolean;
  log: (kind: EventKind, data: unknown) => void;
  inquiries: RefundInquiryStorage;
  schedule: RefundInquirySchedule;
  /** Refunds being sent right now: their answer is on its way. */
  sending: ReadonlyMap<string, unknown>;
  /** Refunds being inquired about right now (by an alarm running alongside). */
  inquiring: Set<string>;
}

/**
 * Inquires (`inquiryRefund`) about every unclear refund whose inquiry is due at `now`. A final
 * answer (SUCCESS or FAIL) is applied as a `refund_result`, which logs the transition and updates
 * the refunded total; an unclear one is counted so that the next inquiry waits longer, and stops
 * the follow-up at the schedule's `attemptLimit`. With `stalled: true` (a merchant's request) it
 * inquires once about the refunds whose follow-up stopped instead: a final answer settles one, an
 * unclear one leaves it as it was.
 */
export async function followUpRefunds(
  deps: RefundFollowUp,
  now: number,
  stalled = false,
): Promise<void> {
  const records = deps.inquiries.records();
  const due = stalled
    ? stalledRefunds(deps.state(), records, deps.schedule).map(({ refundRequestId }) => ({
        refundRequestId,
        at: now,
      }))
    : refundInquiryTimes(deps.state(), records, deps.schedule);
  for (const { refundRequestId, at } of due) {
    if (at > now) break;
    if (deps.sending.has(refundRequestId) || deps.inquiring.has(refundRequestId)) continue;
    deps.inquiring.add(refundRequestId);
    try {
      const outcome = await outcomeOf(() => deps.client.inquiryRefund({ refundRequestId }));
      deps.log("response", outcomeLogEntry("inquiryRefund", outcome));
      // Settled meanwhile (a notification, a re-sent refund): nothing left to learn.
      const refund = deps.state().refunds[refundRequestId];
      if (refund === undefined || refund.status !== "U") continue;
      const verdict = judgeRefundInquiry({
        refundRequestId,
        refund,
        record: deps.inquiries.records().get(refundRequestId),
        outcome,
        at: now,
        schedule: deps.schedule,
      });
      if (verdict.settled === null) {
        if (!stalled) deps.inquiries.save(verdict.record);
      } else {
        deps.inquiries.remove(refundRequestId);
        deps.apply(verdict.settled);
      }
    } finally {
      deps.inquiring.delete(refundRequestId);
    }
  }
}
