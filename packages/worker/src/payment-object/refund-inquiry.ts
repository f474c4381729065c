import type {
  AttentionRecord,
  InquiryRefundResponseOutput,
  PaymentSchedule,
  PaymentState,
  RefundRecord,
  RefundResultEvent,
} from "@ams-edge/core";
import type { CallOutcome } from "./gateway-events.ts";

/** When to ask the gateway again about a refund whose outcome is unclear. */
export interface RefundInquirySchedule {
  /** Delays before each inquiry, the first counted from the unclear refund answer. */
  delaysMs: readonly number[];
  /** Growth factor once the list is used up. */
  backoff: number;
  /** Longest delay between inquiries. */
  maxDelayMs: number;
  /** Consecutive `ORDER_NOT_EXIST` answers after which the refund is taken as never made... */
  notFoundLimit: number;
  /** ...provided this long has passed since the refund was answered (a late request may land). */
  leaseMs: number;
  /**
   * Inquiries answered without a final result after which the follow-up stops and the payment is
   * flagged `REFUND_UNSETTLED`.
   */
  attemptLimit: number;
}

/** What a payment object remembers about the inquiries into one unclear refund. */
export interface RefundInquiryRecord {
  refundRequestId: string;
  /** Inquiries answered so far. */
  attempts: number;
  /** Consecutive `ORDER_NOT_EXIST` answers. */
  notFound: number;
  /** When the last inquiry was made, epoch ms. */
  lastAt: number;
}

// A refund may stay PROCESSING for days: slow down well past the payment's 15 s cap.
const REFUND_INQUIRY_MAX_DELAY_MS = 600_000;

// 15 s, 28 s, growing to every 10 minutes: 40 inquiries span about 5.5 hours. A refund still
// unsettled then is for a person (the provider's support) to look at, not for more inquiries.
const REFUND_INQUIRY_LIMIT = 40;

/**
 * The refund inquiry schedule of a payment schedule: the payment's inquiry delays, then backoff up
 * to every 10 minutes (divided by `scale`, like every delay of SCHEDULE_SCALE).
 */
export function refundInquirySchedule(
  schedule: PaymentSchedule,
  scale: number,
): RefundInquirySchedule {
  return {
    delaysMs: schedule.inquiryDelaysMs,
    backoff: schedule.backoff,
    maxDelayMs: Math.max(
      schedule.inquiryMaxDelayMs,
      Math.round(REFUND_INQUIRY_MAX_DELAY_MS / scale),
    ),
    notFoundLimit: schedule.orderNotExistLimit,
    leaseMs: schedule.requestLeaseMs,
    attemptLimit: REFUND_INQUIRY_LIMIT,
  };
}

function delayBefore(attempt: number, schedule: RefundInquirySchedule): number {
  const listed = schedule.delaysMs[attempt];
  if (listed !== undefined) return listed;
  const last = Math.max(schedule.delaysMs.at(-1) ?? schedule.maxDelayMs, 1);
  const grown = last * schedule.backoff ** (attempt - schedule.delaysMs.length + 1);
  return Math.min(schedule.maxDelayMs, Math.round(grown));
}

/**
 * The unclear (`U`) refunds of a paid payment with the time of their next inquiry, soonest
 * first. Empty once every refund is settled, or when the payment is no longer paid (a refund
 * result would not be recorded any more). A refund whose inquiries reached the schedule's
 * `attemptLimit` is left out: its follow-up has stopped (see {@link stalledRefunds}).
 */
export function refundInquiryTimes(
  state: PaymentState,
  records: ReadonlyMap<string, RefundInquiryRecord>,
  schedule: RefundInquirySchedule,
): { refundRequestId: string; at: number }[] {
  if (state.status !== "succeeded" && state.status !== "mismatch") return [];
  const times: { refundRequestId: string; at: number }[] = [];
  for (const [refundRequestId, refund] of Object.entries(state.refunds)) {
    if (refund.status !== "U") continue;
    const record = records.get(refundRequestId);
    if (record !== undefined && record.attempts >= schedule.attemptLimit) continue;
    // A refund sent again (and answered U again) starts its wait from that newer answer.
    const base = Math.max(refund.at, record?.lastAt ?? 0);
    times.push({ refundRequestId, at: base + delayBefore(record?.attempts ?? 0, schedule) });
  }
  return times.sort((a, b) => a.at - b.at);
}

/** The unclear refunds of a paid payment whose follow-up stopped at the limit, by id. */
export function stalledRefunds(
  state: PaymentState,
  records: ReadonlyMap<string, RefundInquiryRecord>,
  schedule: RefundInquirySchedule,
): RefundInquiryRecord[] {
  if (state.status !== "succeeded" && state.status !== "mismatch") return [];
  return [...records.values()].filter(
    (record) =>
      record.attempts >= schedule.attemptLimit &&
      state.refunds[record.refundRequestId]?.status === "U",
  );
}

/**
 * `REFUND_UNSETTLED` since the earliest refund whose follow-up stopped unsettled, or null: the
 * flag a payment's view shows when the payment itself needs nothing.
 */
export function refundAttention(
  state: PaymentState,
  records: ReadonlyMap<string, RefundInquiryRecord>,
  schedule: RefundInquirySchedule,
): AttentionRecord | null {
  const stalled = stalledRefunds(state, records, schedule);
  if (stalled.length === 0) return null;
  return { reason: "REFUND_UNSETTLED", since: Math.min(...stalled.map((record) => record.lastAt)) };
}

/** What one inquiry tells: the refund's final result, or still unclear with updated bookkeeping. */
export type RefundInquiryVerdict =
  | { settled: RefundResultEvent; record: null }
  | { settled: null; record: RefundInquiryRecord };

/** Inputs of {@link judgeRefundInquiry}. */
export interface RefundInquiryInput {
  refundRequestId: string;
  /** The refund as recorded (status `U`). */
  refund: RefundRecord;
  /** Earlier inquiries, if any. */
  record: RefundInquiryRecord | undefined;
  outcome: CallOutcome<InquiryRefundResponseOutput>;
  /** When the inquiry was made, epoch ms. */
  at: number;
  schedule: RefundInquirySchedule;
}

/**
 * Reads an `inquiryRefund` outcome. `refundStatus` `SUCCESS` or `FAIL` settles the refund (its
 * `resultCode` is that status); `PROCESSING`, a `U`, another `F` or a transport failure leave it
 * unclear. `ORDER_NOT_EXIST` means the gateway never took the refund: after `notFoundLimit`
 * answers in a row, and once `leaseMs` has passed since the refund was answered, it is failed.
 */
export function judgeRefundInquiry(input: RefundInquiryInput): RefundInquiryVerdict {
  const { refundRequestId, refund, record, outcome, at, schedule } = input;
  const settle = (
    status: "S" | "F",
    resultCode: string,
    amount = refund.amount,
  ): RefundInquiryVerdict => ({
    settled: {
      type: "refund_result",
      at,
      refundRequestId,
      status,
      resultCode,
      refundAmount: { currency: amount.currency, value: amount.value },
    },
    record: null,
  });
  const attempts = (record?.attempts ?? 0) + 1;
  let notFound = 0;
  if ("result" in outcome) {
    const { result } = outcome;
    if (result.ok && result.data.refundStatus === "SUCCESS") {
      return settle("S", "SUCCESS", result.data.refundAmount);
    }
    if (result.ok && result.data.refundStatus === "FAIL") return settle("F", "FAIL");
    if (!result.ok && result.status === "F" && result.resultCode === "ORDER_NOT_EXIST") {
      notFound = (record?.notFound ?? 0) + 1;
      if (notFound >= schedule.notFoundLimit && at - refund.at >= schedule.leaseMs) {
        return settle("F", "ORDER_NOT_EXIST");
      }
    }
  }
  return { settled: null, record: { refundRequestId, attempts, notFound, lastAt: at } };
}
