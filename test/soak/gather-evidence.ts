/**
 * After the run: waits until the sandbox has nothing left to deliver, then collects for each
 * payment what the Worker says (view and event log) and what the gateway's ledger says.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { NotificationRecord, Sandbox, SandboxPaymentView } from "@ams-edge/sandbox";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import type { PaymentEvidence, ReviewEntry } from "./check-payment.ts";
import type { PaymentRun } from "./drive-payment.ts";
import type { LogEntry } from "./worker-log-facts.ts";

/** The last slot of the provider's resend schedule: after it, nothing more is sent. */
const LAST_SLOT = 8;

function settledNotification(n: NotificationRecord): boolean {
  if (n.acknowledged) return true;
  // No next attempt and the schedule used up; an empty or short history means one is held back.
  return n.nextAttemptAt === null && n.attempts.some((a) => a.slot >= LAST_SLOT);
}

/**
 * Resolves true once every notification is acknowledged or exhausted, no delivery is in flight
 * and no payment is open at the gateway; false if that does not happen within `timeoutMs`.
 */
export async function waitForQuietSandbox(sandbox: Sandbox, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sandbox.idle();
    const open = sandbox
      .payments()
      .some((p) => p.status === "PENDING" || p.status === "PROCESSING");
    if (!open && sandbox.notifications().every(settledNotification)) {
      await sandbox.idle();
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Groups items by their `paymentRequestId`. */
export function byRequestId<T extends { paymentRequestId: string }>(
  items: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.paymentRequestId) ?? [];
    group.push(item);
    groups.set(item.paymentRequestId, group);
  }
  return groups;
}

async function readJson<T>(stack: Stack, path: string): Promise<T | null> {
  try {
    const response = await merchant(stack, path);
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null;
    }
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

/** Key of a review log row or a posted notification: its `request-time` and exact body. */
export const reviewKey = (requestTime: string, body: string) => `${requestTime}\n${body}`;

interface ReviewPage {
  notifications: { requestTime: string; body: string; reason: string }[];
  nextCursor: string | null;
}

/**
 * Every row of D1's review log (`GET /api/notifications?applied=false`, page after page), by
 * {@link reviewKey}; null when a page could not be read.
 */
export async function readReviewLog(stack: Stack): Promise<Map<string, ReviewEntry[]> | null> {
  const rows = new Map<string, ReviewEntry[]>();
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${cursor}`;
    const page: ReviewPage | null = await readJson<ReviewPage>(
      stack,
      `/api/notifications?applied=false&limit=200${query}`,
    );
    if (page === null) return null;
    for (const { requestTime, body, reason } of page.notifications) {
      const k = reviewKey(requestTime, body);
      rows.set(k, [...(rows.get(k) ?? []), { requestTime, body, reason }]);
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

/**
 * One payment's evidence: the Worker's view and log (merchant key), the gateway's records, and
 * the review log's rows for the notifications the soak posted for it.
 */
export async function gatherEvidence(
  stack: Stack,
  run: PaymentRun,
  ledger: ReadonlyMap<string, SandboxPaymentView[]>,
  notifications: ReadonlyMap<string, NotificationRecord[]>,
  review: ReadonlyMap<string, readonly ReviewEntry[]>,
): Promise<PaymentEvidence> {
  const id = run.paymentRequestId;
  const mine = [...new Set(run.posted.map((p) => reviewKey(p.requestTime, p.body)))].flatMap(
    (k) => review.get(k) ?? [],
  );
  if (id === null) {
    return { run, view: null, log: null, ledger: [], notifications: [], review: mine };
  }
  const [view, log] = await Promise.all([
    readJson<PaymentView>(stack, `/api/payments/${id}`),
    readJson<{ events: LogEntry[] }>(stack, `/api/payments/${id}/events`),
  ]);
  return {
    run,
    view,
    log: log?.events ?? null,
    ledger: ledger.get(id) ?? [],
    notifications: notifications.get(id) ?? [],
    review: mine,
  };
}
