import { wireResult } from "../gateway/result-codes.ts";
import { paymentResultBody } from "../notify/payment-result-body.ts";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";

/** What the simulated customer (or time) can do to a payment. */
export type CustomerAction = "scan" | "pay" | "decline" | "expire";

/** The outcome of a customer action: the payment, and the first notification attempt if one started. */
export type ActionOutcome =
  | { readonly ok: true; readonly payment: PaymentRecord; readonly notified: Promise<void> | null }
  | {
      readonly ok: false;
      readonly code: "PAYMENT_FINAL";
      readonly message: string;
      readonly payment: PaymentRecord;
    };

const OPEN = new Set(["PENDING", "PROCESSING"]);

/** True while the customer can still scan, pay or decline. */
export function isOpen(payment: PaymentRecord): boolean {
  return OPEN.has(payment.status);
}

function notifyFinal(runtime: SandboxRuntime, payment: PaymentRecord): Promise<void> | null {
  if (payment.magic?.silent === true || runtime.closed.aborted) return null;
  return runtime.notifier.send({
    clientId: payment.clientId,
    paymentId: payment.paymentId,
    paymentRequestId: payment.paymentRequestId,
    notifyUrl: payment.notifyUrl,
    body: paymentResultBody(runtime, payment),
  });
}

function refused(payment: PaymentRecord, action: CustomerAction): ActionOutcome {
  return {
    ok: false,
    code: "PAYMENT_FINAL",
    message: `Cannot ${action} payment ${payment.paymentId}: it is already ${payment.status}${
      payment.resultCode === null ? "" : ` (${payment.resultCode})`
    }.`,
    payment,
  };
}

function close(
  runtime: SandboxRuntime,
  payment: PaymentRecord,
  code: string,
  at: number,
): ActionOutcome {
  payment.status = code === "SUCCESS" ? "SUCCESS" : "FAIL";
  payment.resultCode = code;
  payment.resultMessage = wireResult(code).resultMessage;
  payment.finishedAt = at;
  const quiet = code === "ORDER_IS_CLOSED" && !runtime.settings.notifyOnClose;
  return { ok: true, payment, notified: quiet ? null : notifyFinal(runtime, payment) };
}

/**
 * Closes a payment whose expiry time has passed (called before every read, so expiry holds even
 * where timers do not run, as in an idle Worker).
 */
export function closeIfExpired(
  runtime: SandboxRuntime,
  payment: PaymentRecord,
): Promise<void> | null {
  if (!isOpen(payment) || runtime.clock.now() < payment.expiresAt) return null;
  const outcome = close(runtime, payment, "ORDER_IS_CLOSED", payment.expiresAt);
  return outcome.ok ? outcome.notified : null;
}

/**
 * Applies a customer action: `scan` (PENDING → PROCESSING), `pay` (→ SUCCESS), `decline`
 * (→ FAIL with `declineCode`, default `USER_BALANCE_NOT_ENOUGH`), `expire` (→ FAIL
 * `ORDER_IS_CLOSED`, as if the expiry time were now). Final payments refuse every action.
 */
export function applyCustomerAction(
  runtime: SandboxRuntime,
  payment: PaymentRecord,
  action: CustomerAction,
  declineCode = "USER_BALANCE_NOT_ENOUGH",
): ActionOutcome {
  closeIfExpired(runtime, payment);
  if (!isOpen(payment)) return refused(payment, action);
  const now = runtime.clock.now();
  payment.scannedAt ??= now;
  switch (action) {
    case "scan":
      payment.status = "PROCESSING";
      return { ok: true, payment, notified: null };
    case "pay":
      return close(runtime, payment, "SUCCESS", now);
    case "decline":
      return close(runtime, payment, declineCode, now);
    case "expire":
      payment.expiresAt = now;
      return close(runtime, payment, "ORDER_IS_CLOSED", now);
  }
}

/** Schedules the payment's expiry and, for a magic amount, the scripted customer. */
export function scheduleCustomer(runtime: SandboxRuntime, payment: PaymentRecord): void {
  const now = runtime.clock.now();
  runtime.timers.schedule(() => {
    const notified = closeIfExpired(runtime, payment);
    if (notified !== null) runtime.track(notified);
  }, payment.expiresAt - now);
  const magic = payment.magic;
  if (magic === null) return;
  const act = (action: CustomerAction, code?: string) => () => {
    if (!isOpen(payment)) return;
    const outcome = applyCustomerAction(runtime, payment, action, code);
    if (outcome.ok && outcome.notified !== null) runtime.track(outcome.notified);
  };
  if (magic.scanAfterMs !== undefined) runtime.timers.schedule(act("scan"), magic.scanAfterMs);
  if (magic.payAfterMs !== undefined) runtime.timers.schedule(act("pay"), magic.payAfterMs);
  if (magic.declineAfterMs !== undefined) {
    runtime.timers.schedule(act("decline", magic.declineCode), magic.declineAfterMs);
  }
}
