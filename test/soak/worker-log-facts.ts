/**
 * What a payment's event log (`GET /api/payments/:id/events`) shows: the notifications it stored,
 * the gateway calls it made, the verified successes it saw and what decided its status.
 */

/** One entry of the Worker's event log. */
export interface LogEntry {
  readonly seq: number;
  readonly at: number;
  readonly kind: string;
  readonly data: Record<string, unknown>;
}

/** A notification as stored: the exact body and the `request-time` it came with. */
export interface StoredNotification {
  readonly requestTime: string;
  readonly rawBody: string;
  /** Why it was kept without being applied (its `notification_unapplied` entry), or null. */
  readonly unapplied: string | null;
}

/** Facts read from one payment's log. */
export interface LogFacts {
  readonly notifications: readonly StoredNotification[];
  /** The `paymentRequestId` in the body of every pay request sent, one per attempt. */
  readonly payRequestIds: readonly string[];
  /** Gateway requests sent, per operation, counting each attempt. */
  readonly requests: { pay: number; inquiryPayment: number; cancel: number };
  /** Refund requests sent, per operation, counting each attempt (every refund of the payment). */
  readonly refundRequests: { refund: number; inquiryRefund: number };
  /** Attempts of pay, inquiryPayment and cancel answered with HTTP 5xx. */
  readonly httpErrors: number;
  /** Attempts of pay, inquiryPayment and cancel answered with result status U. */
  readonly unknownAnswers: number;
  /** Calls of pay, inquiryPayment and cancel that ended `TIMEOUT` (no verified answer in time). */
  readonly timeouts: number;
  /** Verified successes for the order's exact amount, by where they came from. */
  readonly verifiedSuccess: { notification: boolean; inquiry: boolean };
  /** The event type (`notification`, `inquiry_result`, ...) that set the payment's status. */
  readonly decidedBy: string | null;
  /** The state machine's event that set the current status, as logged. */
  readonly decidingEvent: Record<string, unknown> | null;
}

type Amount = { currency: string; value: string };

function parseObject(text: unknown): Record<string, unknown> | null {
  if (typeof text !== "string") return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sameAmount(value: unknown, amount: Amount): boolean {
  const got = value as Partial<Amount> | null | undefined;
  return got?.currency === amount.currency && got?.value === amount.value;
}

function isSuccessNotification(body: Record<string, unknown> | null, amount: Amount): boolean {
  const result = body?.result as { resultStatus?: unknown } | undefined;
  return result?.resultStatus === "S" && sameAmount(body?.paymentAmount, amount);
}

function isSuccessInquiry(data: Record<string, unknown>, amount: Amount): boolean {
  if (data.operation !== "inquiry" || data.status !== "S") return false;
  const body = parseObject(data.rawBody);
  return body?.paymentStatus === "SUCCESS" && sameAmount(body.paymentAmount, amount);
}

/**
 * Reads the facts of one payment's log; `amount` is the order's, against which successes are
 * checked.
 */
export function readLogFacts(log: readonly LogEntry[], amount: Amount): LogFacts {
  const notifications: { seq: number; requestTime: string; rawBody: string }[] = [];
  const unapplied = new Map<number, string>();
  const payRequestIds: string[] = [];
  const requests = { pay: 0, inquiryPayment: 0, cancel: 0 };
  let httpErrors = 0;
  let unknownAnswers = 0;
  let timeouts = 0;
  const verifiedSuccess = { notification: false, inquiry: false };
  let decidingEvent: Record<string, unknown> | null = null;
  const refundRequests = { refund: 0, inquiryRefund: 0 };
  for (const { seq, kind, data } of log) {
    // Refund calls and transitions have their own facts (check-refunds.ts); they decide nothing
    // about the payment's status.
    const refundCall = data.operation === "refund" || data.operation === "inquiryRefund";
    if (refundCall && kind === "request") {
      refundRequests[data.operation as "refund" | "inquiryRefund"] += 1;
      continue;
    }
    if (refundCall || (kind === "transition" && "refundRequestId" in data)) continue;
    if (kind === "notification") {
      const stored = { seq, requestTime: String(data.requestTime), rawBody: String(data.rawBody) };
      notifications.push(stored);
      if (isSuccessNotification(parseObject(stored.rawBody), amount)) {
        verifiedSuccess.notification = true;
      }
    } else if (kind === "notification_unapplied") {
      unapplied.set(Number(data.notificationSeq), String(data.reason));
    } else if (kind === "request") {
      const operation = data.operation;
      if (operation === "pay" || operation === "inquiryPayment" || operation === "cancel") {
        requests[operation] += 1;
      }
      if (operation === "pay") payRequestIds.push(String(parseObject(data.body)?.paymentRequestId));
    } else if (kind === "response" && "httpStatus" in data) {
      // One entry per attempt (the client's hook); the call's final outcome has no httpStatus.
      if (typeof data.httpStatus === "number" && data.httpStatus >= 500) httpErrors += 1;
      if (data.resultStatus === "U") unknownAnswers += 1;
    } else if (kind === "response" && isSuccessInquiry(data, amount)) {
      verifiedSuccess.inquiry = true;
    } else if (kind === "response" && data.errorCode === "TIMEOUT") {
      timeouts += 1;
    } else if (kind === "transition" && data.from !== data.to) {
      const event = data.event;
      decidingEvent =
        typeof event === "object" && event !== null ? (event as Record<string, unknown>) : {};
    }
  }
  return {
    notifications: notifications.map(({ seq, ...stored }) => ({
      ...stored,
      unapplied: unapplied.get(seq) ?? null,
    })),
    payRequestIds,
    requests,
    refundRequests,
    httpErrors,
    unknownAnswers,
    timeouts,
    verifiedSuccess,
    decidedBy: decidingEvent === null ? null : String(decidingEvent.type ?? "unknown"),
    decidingEvent,
  };
}
