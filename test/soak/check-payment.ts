/**
 * Checks one soak payment against the gateway's ledger: the final status, the notifications
 * stored, the number of gateway payments, and that "succeeded" rests on a verified success.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { NotificationRecord, SandboxPaymentView } from "@ams-edge/sandbox";
import type { PaymentRun } from "./drive-payment.ts";
import { expectedStatus } from "./expected-status.ts";
import { type FinalStatus, scenarioNamed } from "./soak-scenarios.ts";
import {
  type LogEntry,
  type LogFacts,
  readLogFacts,
  type StoredNotification,
} from "./worker-log-facts.ts";

/** A row of D1's review log (`GET /api/notifications?applied=false`). */
export interface ReviewEntry {
  readonly requestTime: string;
  readonly body: string;
  readonly reason: string;
}

/** Everything known about one payment once the run is over. */
export interface PaymentEvidence {
  readonly run: PaymentRun;
  /** The Worker's view, read with the merchant key after the run; null when unreadable. */
  readonly view:
    | (Pick<PaymentView, "status" | "resultCode" | "attention"> &
        Partial<Pick<PaymentView, "amount" | "refunded" | "refunds">>)
    | null;
  /** The Worker's event log; null when unreadable. */
  readonly log: readonly LogEntry[] | null;
  /** Gateway payments with this request id. */
  readonly ledger: readonly SandboxPaymentView[];
  /** The sandbox's notifications for this payment, with every attempt. */
  readonly notifications: readonly NotificationRecord[];
  /** Review log rows with the `request-time` and body of one the soak posted for this payment. */
  readonly review: readonly ReviewEntry[];
}

/** How the payment's notifications went. */
export interface NotificationTally {
  /** Notifications the sandbox created. */
  created: number;
  /** Notifications none of whose attempts was sent (every one dropped, or none due). */
  undelivered: number;
  /** Attempts actually sent (duplicates included). */
  sent: number;
  dropped: number;
  acknowledged: number;
  /** Attempts the Worker refused (a corrupted signature). */
  refused: number;
  /** Notifications in the Worker's event log. */
  stored: number;
  /** Notifications the soak signed and posted itself (odd bodies, the provider's failure). */
  posted: number;
  /** Of those, answered 200. */
  postedAcknowledged: number;
  /** Of those, found where they belong (the event log, or the review log). */
  postedStored: number;
  /** Of those stored, the ones in the review log only (they name no payment here). */
  postedInReview: number;
}

/** The verdict on one payment. */
export interface PaymentVerdict {
  /** Empty when the payment passed every check. */
  readonly problems: readonly string[];
  readonly expected: FinalStatus | null;
  /** Acknowledged attempts missing from the Worker's storage. */
  readonly lostNotifications: number;
  readonly doubleCharged: boolean;
  readonly falsePaid: boolean;
  readonly facts: LogFacts | null;
  readonly tally: NotificationTally;
}

const key = (requestTime: string | null, body: string) => `${requestTime ?? ""}\n${body}`;

function tallyOf(evidence: PaymentEvidence, facts: LogFacts | null) {
  const { notifications } = evidence;
  const posted = evidence.run.posted;
  const tally: NotificationTally = {
    created: notifications.length,
    undelivered: notifications.filter((n) => n.attempts.every((a) => a.sentAt === null)).length,
    sent: 0,
    dropped: 0,
    acknowledged: 0,
    refused: 0,
    stored: facts?.notifications.length ?? 0,
    posted: posted.length,
    postedAcknowledged: posted.filter((p) => p.httpStatus === 200).length,
    postedStored: 0,
    postedInReview: 0,
  };
  for (const attempt of notifications.flatMap((n) => n.attempts)) {
    if (attempt.sentAt !== null) tally.sent += 1;
    if (attempt.outcome === "dropped") tally.dropped += 1;
    if (attempt.outcome === "acknowledged") tally.acknowledged += 1;
    if (attempt.httpStatus === 401) tally.refused += 1;
  }
  return tally;
}

/** Takes one stored notification with key `k` off `stored`; the entry taken, or undefined. */
function take(stored: Map<string, StoredNotification[]>, k: string) {
  const left = stored.get(k);
  return left?.shift();
}

/**
 * Compares what the sandbox delivered, and what the soak posted, with what the Worker stored;
 * returns the sandbox's acknowledged attempts that are missing.
 */
function checkNotifications(
  evidence: PaymentEvidence,
  facts: LogFacts,
  tally: NotificationTally,
  problems: string[],
) {
  const stored = new Map<string, StoredNotification[]>();
  for (const n of facts.notifications) {
    const k = key(n.requestTime, n.rawBody);
    stored.set(k, [...(stored.get(k) ?? []), n]);
  }
  const valid = new Set<string>();
  let lost = 0;
  for (const n of evidence.notifications) {
    for (const attempt of n.attempts) {
      const k = key(attempt.requestTime, n.body);
      const corrupt = attempt.faults.includes("corrupt-notification-signature");
      if (attempt.sentAt !== null && !corrupt) valid.add(k);
      if (corrupt && attempt.httpStatus !== 401) {
        problems.push(`a corrupted notification was answered ${attempt.httpStatus}, not 401`);
      }
      if (attempt.outcome !== "acknowledged") continue;
      if (take(stored, k) === undefined) lost += 1;
    }
  }
  if (lost > 0) problems.push(`${lost} acknowledged notification(s) missing from storage`);
  checkPosted(evidence, stored, valid, tally, problems);
  const unverified = facts.notifications.filter((n) => !valid.has(key(n.requestTime, n.rawBody)));
  if (unverified.length > 0) {
    problems.push(`${unverified.length} stored notification(s) the sandbox never validly sent`);
  }
  return lost;
}

/**
 * Each notification the soak signed must be acknowledged and kept where it belongs: one naming
 * the payment in its event log (an odd body with its `notification_unapplied` reason, and
 * listed in the review log; the provider's failure applied), one naming no payment here in the
 * review log with its reason.
 */
function checkPosted(
  evidence: PaymentEvidence,
  stored: Map<string, StoredNotification[]>,
  valid: Set<string>,
  tally: NotificationTally,
  problems: string[],
): void {
  const review = [...evidence.review];
  for (const posted of evidence.run.posted) {
    const what = `the soak's ${posted.kind} notification (${posted.when})`;
    if (posted.httpStatus !== 200) {
      problems.push(`${what} was answered ${posted.httpStatus ?? "with no response"}, not 200`);
      continue;
    }
    const k = key(posted.requestTime, posted.body);
    const takeReview = () => {
      const at = review.findIndex((r) => key(r.requestTime, r.body) === k);
      return at < 0 ? undefined : review.splice(at, 1)[0];
    };
    let reason: string | null;
    if (posted.storedIn === "payment") {
      valid.add(k);
      const found = take(stored, k);
      if (found === undefined) {
        problems.push(`${what} is missing from the event log`);
        continue;
      }
      reason = found.unapplied;
      // What a payment keeps unapplied is copied to the review log after the acknowledgement.
      if (reason !== null && takeReview()?.reason !== reason) {
        problems.push(`${what} is not listed by GET /api/notifications?applied=false`);
      }
    } else {
      const found = takeReview();
      if (found === undefined) {
        problems.push(`${what} is missing from the review log`);
        continue;
      }
      reason = found.reason;
      tally.postedInReview += 1;
    }
    tally.postedStored += 1;
    if (reason !== posted.unappliedReason) {
      const said = (r: string | null) => (r === null ? "applied" : `kept unapplied (${r})`);
      problems.push(`${what} was ${said(reason)}; expected ${said(posted.unappliedReason)}`);
    }
  }
}

/** The scenario's attention flag: raised with its reason, listed, cleared by an inquiry. */
function checkAttention(evidence: PaymentEvidence, problems: string[]): void {
  const { run, view } = evidence;
  const wanted = scenarioNamed(run.plan.scenario).attention;
  if (view?.attention != null) {
    problems.push(`still flagged for attention (${view.attention.reason}) at the end`);
  }
  const seen = run.attention;
  if (wanted === undefined) {
    if (seen !== null) problems.push("followed an attention flag the scenario does not raise");
    return;
  }
  if (seen === null || seen.reason === null) {
    problems.push(`expected the attention flag ${wanted}; it was never raised`);
    return;
  }
  if (seen.reason !== wanted) problems.push(`flagged ${seen.reason}, expected ${wanted}`);
  if (!seen.listed) problems.push("flagged, but not listed by GET /api/payments?attention=true");
  if (!seen.cleared) problems.push(`the inquire left the flag up (status ${seen.inquiredStatus})`);
  if (!seen.unlisted) problems.push("still listed by ?attention=true after the inquire");
}

/** The provider's failure notification (no amount) must be what failed the payment. */
function checkProviderNotice(evidence: PaymentEvidence, facts: LogFacts, problems: string[]) {
  const script = evidence.run.plan.customer;
  if (script.kind !== "decline-provider-notice") return;
  const event = facts.decidingEvent;
  const byNotice =
    event?.type === "notification" &&
    event.resultStatus === "F" &&
    event.paymentAmount === null &&
    event.resultCode === script.resultCode;
  if (!byNotice) {
    problems.push(
      `expected the provider's amount-less failure notification to fail the payment; decided by ${JSON.stringify(event)}`,
    );
  }
}

/** Checks one payment; see {@link PaymentVerdict}. */
export function checkPayment(evidence: PaymentEvidence): PaymentVerdict {
  const { run, view, log, ledger } = evidence;
  const problems = [...run.problems];
  const amount = { currency: "USD", value: run.plan.amount };
  const facts = log === null ? null : readLogFacts(log, amount);
  const tally = tallyOf(evidence, facts);
  const verdict = (extra: Partial<PaymentVerdict>): PaymentVerdict => ({
    problems,
    expected: null,
    lostNotifications: 0,
    doubleCharged: false,
    falsePaid: false,
    facts,
    tally,
    ...extra,
  });
  if (run.paymentRequestId === null) return verdict({});
  if (view === null || facts === null) {
    problems.push("the Worker's view or event log could not be read");
    return verdict({});
  }
  const id = run.paymentRequestId;
  const doubleCharged = ledger.length > 1 || facts.payRequestIds.some((sent) => sent !== id);
  if (ledger.length > 1) problems.push(`${ledger.length} payments at the gateway for ${id}`);
  if (facts.payRequestIds.some((sent) => sent !== id)) {
    problems.push(`pay re-sent with another request id: ${facts.payRequestIds.join(", ")}`);
  }
  const lostNotifications = checkNotifications(evidence, facts, tally, problems);
  checkAttention(evidence, problems);
  checkProviderNotice(evidence, facts, problems);
  const entry = ledger[0];
  if (entry === undefined) {
    problems.push("no payment at the gateway");
    return verdict({ doubleCharged, lostNotifications });
  }
  const expected = expectedStatus(entry, run.actions.includes("merchant-cancel"));
  const intended = scenarioNamed(run.plan.scenario).intended;
  if (expected === null) problems.push(`still ${entry.status} at the gateway`);
  else if (view.status !== expected) {
    problems.push(`Worker says ${view.status}, the gateway's ledger calls for ${expected}`);
  } else if (expected === "failed" && view.resultCode !== entry.resultCode) {
    problems.push(`failed with ${view.resultCode}, the gateway says ${entry.resultCode}`);
  }
  if (expected !== null && expected !== intended) {
    problems.push(
      `the gateway ended ${entry.status} (${expected}); the scenario intends ${intended}`,
    );
  }
  const paidAtGateway = entry.status === "SUCCESS" && !entry.reversed && expected === "succeeded";
  const verified = facts.verifiedSuccess.notification || facts.verifiedSuccess.inquiry;
  const falsePaid = view.status === "succeeded" && !(paidAtGateway && verified);
  if (falsePaid) problems.push("shown as paid without a verified success at the gateway");
  return verdict({ expected, doubleCharged, lostNotifications, falsePaid });
}
