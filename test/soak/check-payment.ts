/**
 * Checks one soak payment against the gateway's ledger: the final status, the notifications
 * stored, the number of gateway payments, and that "succeeded" rests on a verified success.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { NotificationRecord, SandboxPaymentView } from "@ams-edge/sandbox";
import type { PaymentRun } from "./drive-payment.ts";
import { expectedStatus } from "./expected-status.ts";
import { type FinalStatus, scenarioNamed } from "./soak-scenarios.ts";
import { type LogEntry, type LogFacts, readLogFacts } from "./worker-log-facts.ts";

/** Everything known about one payment once the run is over. */
export interface PaymentEvidence {
  readonly run: PaymentRun;
  /** The Worker's view, read with the merchant key after the run; null when unreadable. */
  readonly view: Pick<PaymentView, "status" | "resultCode"> | null;
  /** The Worker's event log; null when unreadable. */
  readonly log: readonly LogEntry[] | null;
  /** Gateway payments with this request id. */
  readonly ledger: readonly SandboxPaymentView[];
  /** The sandbox's notifications for this payment, with every attempt. */
  readonly notifications: readonly NotificationRecord[];
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

function tallyOf(notifications: readonly NotificationRecord[], facts: LogFacts | null) {
  const tally: NotificationTally = {
    created: notifications.length,
    undelivered: notifications.filter((n) => n.attempts.every((a) => a.sentAt === null)).length,
    sent: 0,
    dropped: 0,
    acknowledged: 0,
    refused: 0,
    stored: facts?.notifications.length ?? 0,
  };
  for (const attempt of notifications.flatMap((n) => n.attempts)) {
    if (attempt.sentAt !== null) tally.sent += 1;
    if (attempt.outcome === "dropped") tally.dropped += 1;
    if (attempt.outcome === "acknowledged") tally.acknowledged += 1;
    if (attempt.httpStatus === 401) tally.refused += 1;
  }
  return tally;
}

/** Compares what the sandbox delivered with what the Worker stored. */
function checkNotifications(evidence: PaymentEvidence, facts: LogFacts, problems: string[]) {
  const stored = new Map<string, number>();
  for (const n of facts.notifications) {
    const k = key(n.requestTime, n.rawBody);
    stored.set(k, (stored.get(k) ?? 0) + 1);
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
      const left = stored.get(k) ?? 0;
      if (left > 0) stored.set(k, left - 1);
      else lost += 1;
    }
  }
  if (lost > 0) problems.push(`${lost} acknowledged notification(s) missing from storage`);
  const unverified = facts.notifications.filter((n) => !valid.has(key(n.requestTime, n.rawBody)));
  if (unverified.length > 0) {
    problems.push(`${unverified.length} stored notification(s) the sandbox never validly sent`);
  }
  return lost;
}

/** Checks one payment; see {@link PaymentVerdict}. */
export function checkPayment(evidence: PaymentEvidence): PaymentVerdict {
  const { run, view, log, ledger } = evidence;
  const problems = [...run.problems];
  const amount = { currency: "USD", value: run.plan.amount };
  const facts = log === null ? null : readLogFacts(log, amount);
  const tally = tallyOf(evidence.notifications, facts);
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
  const lostNotifications = checkNotifications(evidence, facts, problems);
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
