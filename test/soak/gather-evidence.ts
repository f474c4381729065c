/**
 * After the run: waits until the sandbox has nothing left to deliver, then collects for each
 * payment what the Worker says (view and event log) and what the gateway's ledger says.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { NotificationRecord, Sandbox, SandboxPaymentView } from "@ams-edge/sandbox";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import type { PaymentEvidence } from "./check-payment.ts";
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

/** One payment's evidence: the Worker's view and log (merchant key) and the gateway's records. */
export async function gatherEvidence(
  stack: Stack,
  run: PaymentRun,
  ledger: ReadonlyMap<string, SandboxPaymentView[]>,
  notifications: ReadonlyMap<string, NotificationRecord[]>,
): Promise<PaymentEvidence> {
  const id = run.paymentRequestId;
  if (id === null) return { run, view: null, log: null, ledger: [], notifications: [] };
  const [view, log] = await Promise.all([
    readJson<Pick<PaymentView, "status" | "resultCode">>(stack, `/api/payments/${id}`),
    readJson<{ events: LogEntry[] }>(stack, `/api/payments/${id}/events`),
  ]);
  return {
    run,
    view,
    log: log?.events ?? null,
    ledger: ledger.get(id) ?? [],
    notifications: notifications.get(id) ?? [],
  };
}
