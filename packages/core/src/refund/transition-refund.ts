import type { AttentionRecord, PaymentAmount } from "../payment/payment-state.ts";
import type {
  RefundEvent,
  RefundInquiryEvent,
  RefundRequestedEvent,
  RefundResultEvent,
} from "./refund-event.ts";
import { DEFAULT_REFUND_SCHEDULE, type RefundSchedule } from "./refund-schedule.ts";
import {
  findRefund,
  isFinalRefundStatus,
  type RefundRecord,
  type RefundState,
} from "./refund-state.ts";
import { refundRefusal } from "./refund-totals.ts";

/** The answer that says the gateway holds another refund under this id: never a verdict on ours. */
const INCONSISTENT = "REPEAT_REQ_INCONSISTENT";

const DIGITS = /^\d+$/;

function sameAmount(a: PaymentAmount, b: PaymentAmount): boolean {
  if (a.currency !== b.currency) return false;
  return DIGITS.test(a.value) && DIGITS.test(b.value)
    ? BigInt(a.value) === BigInt(b.value)
    : a.value === b.value;
}

const flag = (at: number): AttentionRecord => ({ reason: "REFUND_UNSETTLED", since: at });

function request(state: RefundState, event: RefundRequestedEvent): RefundRecord | null {
  if (findRefund(state, event.refundRequestId) !== undefined) return null;
  if (refundRefusal(state, event.amount, event.paid) !== null) return null;
  return {
    refundRequestId: event.refundRequestId,
    amount: { currency: event.amount.currency, value: event.amount.value },
    reason: event.reason,
    status: "sending",
    refunded: null,
    resultCode: null,
    requestedAt: event.at,
    answeredAt: null,
    inquiries: 0,
    notFound: 0,
    lastInquiryAt: null,
    attention: null,
    updatedAt: event.at,
    version: 0,
  };
}

/**
 * A success settles the refund when it is for the amount asked (or does not say); a success for
 * another amount is another refund under this id: ours stays unclear, flagged for a person.
 */
function succeed(record: RefundRecord, amount: PaymentAmount | null, at: number): RefundRecord {
  if (amount !== null && !sameAmount(amount, record.amount)) {
    return record.attention === null
      ? { ...record, status: "unclear", resultCode: "REFUND_AMOUNT_MISMATCH", attention: flag(at) }
      : record;
  }
  return {
    ...record,
    status: "succeeded",
    refunded: { currency: record.amount.currency, value: record.amount.value },
    resultCode: "SUCCESS",
    attention: null,
  };
}

function applyResult(record: RefundRecord, event: RefundResultEvent): RefundRecord {
  if (event.status === "S") return succeed(record, event.refundAmount, event.at);
  if (event.status === "F" && event.resultCode !== INCONSISTENT) {
    return { ...record, status: "failed", resultCode: event.resultCode, attention: null };
  }
  // U, a transport error or REPEAT_REQ_INCONSISTENT: the outcome stays unknown.
  if (record.status !== "sending") return record;
  return { ...record, status: "unclear", resultCode: event.resultCode, answeredAt: event.at };
}

function applyInquiry(
  record: RefundRecord,
  event: RefundInquiryEvent,
  schedule: RefundSchedule,
): RefundRecord {
  if (event.observation === "SUCCESS") return succeed(record, event.refundAmount, event.at);
  if (event.observation === "FAIL") {
    return { ...record, status: "failed", resultCode: "FAIL", attention: null };
  }
  // No verdict. A flagged refund keeps its flag and counts (only a verdict lifts it); a repeated
  // or stale answer tells nothing new.
  if (record.attention !== null) return record;
  if (record.lastInquiryAt !== null && event.at <= record.lastInquiryAt) return record;
  const inquiries = record.inquiries + 1;
  const notFound = event.observation === "ORDER_NOT_EXIST" ? record.notFound + 1 : 0;
  const sinceCall = event.at - (record.answeredAt ?? record.requestedAt);
  if (notFound >= schedule.notFoundLimit && sinceCall >= schedule.leaseMs) {
    return { ...record, status: "failed", resultCode: "ORDER_NOT_EXIST" };
  }
  return {
    ...record,
    status: "unclear",
    resultCode: event.resultCode,
    inquiries,
    notFound,
    lastInquiryAt: event.at,
    attention: inquiries >= schedule.attemptLimit ? flag(event.at) : null,
  };
}

const EVENT_TYPES: ReadonlySet<string> = new Set([
  "refund_requested",
  "refund_result",
  "refund_inquiry_result",
]);

/**
 * The refunds after `event`. Pure: `state` is never modified. When the event changes nothing (a
 * refused request, a repeat, an answer about an unknown or settled refund) the very same `state`
 * object is returned; otherwise `version` goes up by one, and so does the changed refund's.
 *
 * - `refund_requested` records a refund as `sending`, unless its id is recorded already or it
 *   would take the refunds past what was paid ({@link refundRefusal}).
 * - `succeeded` and `failed` are final. Only a verdict for the refund's own id makes it `failed`:
 *   an `F` answer other than `REPEAT_REQ_INCONSISTENT`, an inquiry `FAIL`, or `ORDER_NOT_EXIST`
 *   `notFoundLimit` times in a row once `leaseMs` has passed since the refund call.
 * - Inquiries without a verdict count; at `attemptLimit` the refund is flagged `REFUND_UNSETTLED`
 *   and nothing more is scheduled for it until a verdict arrives.
 *
 * @example
 * let refunds = createRefunds("order-1001");
 * refunds = transitionRefund(refunds, { type: "refund_requested", at: Date.now(),
 *   refundRequestId: "order-1001_a1", amount: usd("400"), reason: null, paid: usd("1250") });
 * // store it, then send the refund and feed toRefundResultEvent(...)
 */
export function transitionRefund(
  state: RefundState,
  event: RefundEvent,
  schedule: RefundSchedule = DEFAULT_REFUND_SCHEDULE,
): RefundState {
  if (typeof event !== "object" || event === null || !EVENT_TYPES.has(event.type)) {
    throw new TypeError(
      `transitionRefund: expected a refund event with a known "type", got ${JSON.stringify(event)}.`,
    );
  }
  if (!Number.isFinite(event.at)) {
    throw new TypeError(
      `transitionRefund: expected "at" in epoch ms on ${event.type}, got ${event.at}.`,
    );
  }
  let refunds: RefundRecord[];
  if (event.type === "refund_requested") {
    const created = request(state, event);
    if (created === null) return state;
    refunds = [...state.refunds, { ...created, version: 1 }];
  } else {
    const record = findRefund(state, event.refundRequestId);
    if (record === undefined || isFinalRefundStatus(record.status)) return state;
    const next =
      event.type === "refund_result"
        ? applyResult(record, event)
        : applyInquiry(record, event, schedule);
    if (next === record) return state;
    const changed = {
      ...next,
      version: record.version + 1,
      updatedAt: Math.max(record.updatedAt, event.at),
    };
    refunds = state.refunds.map((refund) => (refund === record ? changed : refund));
  }
  return {
    ...state,
    refunds,
    version: state.version + 1,
    updatedAt: Math.max(state.updatedAt, event.at),
  };
}
