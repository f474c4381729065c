import type { AttentionRecord } from "../payment/payment-state.ts";
import { DEFAULT_REFUND_SCHEDULE, type RefundSchedule } from "./refund-schedule.ts";
import type { RefundRecord, RefundState } from "./refund-state.ts";

/** What to do next about the refunds: nothing, or inquire about one of them at `at`. */
export type RefundAction =
  | { type: "none" }
  | { type: "inquire"; refundRequestId: string; at: number };

function delayBefore(attempt: number, schedule: RefundSchedule): number {
  const listed = schedule.inquiryDelaysMs[attempt];
  if (listed !== undefined) return listed;
  const last = Math.max(schedule.inquiryDelaysMs.at(-1) ?? schedule.maxDelayMs, 1);
  const grown = last * schedule.backoff ** (attempt - schedule.inquiryDelaysMs.length + 1);
  return Math.min(schedule.maxDelayMs, Math.round(grown));
}

/** When `record` is next inquired about, or null when nothing is scheduled for it. */
function inquiryTime(record: RefundRecord, schedule: RefundSchedule): number | null {
  if (record.attention !== null) return null;
  // A call never answered (the process stopped, the answer was lost) is unclear once its lease
  // has passed.
  if (record.status === "sending") return record.requestedAt + schedule.leaseMs;
  if (record.status !== "unclear") return null;
  const base = Math.max(record.answeredAt ?? record.requestedAt, record.lastInquiryAt ?? 0);
  return base + delayBefore(record.inquiries, schedule);
}

/**
 * The next follow-up of the refunds: an `inquiryRefund` about the refund whose turn comes first,
 * at `at` (never before `now`: a due inquiry is due now), or `none` when every refund is settled
 * or flagged. Ask again after feeding the answer; several refunds may be due at once.
 *
 * @example
 * const action = nextRefundAction(refunds, Date.now());
 * if (action.type === "inquire" && action.at <= Date.now()) {
 *   const result = await client.inquiryRefund({ refundRequestId: action.refundRequestId });
 *   refunds = transitionRefund(refunds, toRefundInquiryEvent(action.refundRequestId, result, Date.now()));
 * }
 */
export function nextRefundAction(
  state: RefundState,
  now: number,
  schedule: RefundSchedule = DEFAULT_REFUND_SCHEDULE,
): RefundAction {
  let soonest: { refundRequestId: string; at: number } | null = null;
  for (const record of state.refunds) {
    const at = inquiryTime(record, schedule);
    if (at !== null && (soonest === null || at < soonest.at)) {
      soonest = { refundRequestId: record.refundRequestId, at };
    }
  }
  if (soonest === null) return { type: "none" };
  return {
    type: "inquire",
    refundRequestId: soonest.refundRequestId,
    at: Math.max(soonest.at, now),
  };
}

/**
 * `REFUND_UNSETTLED` since the earliest refund whose follow-up stopped unsettled, or null: the
 * flag a payment shows when the payment itself needs nothing.
 */
export function refundAttention(state: RefundState): AttentionRecord | null {
  let since: number | null = null;
  for (const record of state.refunds) {
    if (record.attention !== null && (since === null || record.attention.since < since)) {
      since = record.attention.since;
    }
  }
  return since === null ? null : { reason: "REFUND_UNSETTLED", since };
}
