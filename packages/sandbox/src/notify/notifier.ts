import type { TimerSet } from "../clock/timer-set.ts";
import type { FaultInjector } from "../faults/fault-injector.ts";
import type { FaultKind } from "../faults/fault-rule.ts";
import type { MessageSigner } from "../signing/sign-message.ts";
import type { NotificationAttempt, NotificationRecord } from "./notification-record.ts";
import { postNotification } from "./post-notification.ts";
import { attemptOffsetsMs } from "./resend-schedule.ts";

/** What the notifier needs from the sandbox around it. */
export interface NotifierDeps {
  readonly now: () => number;
  readonly timers: TimerSet;
  readonly faults: FaultInjector;
  readonly signer: MessageSigner;
  readonly fetch: typeof fetch;
  /** Waits before each attempt in seconds, before scaling. */
  readonly schedule: readonly number[];
  readonly timeScale: number;
  /** How long to wait for the merchant's answer, in real milliseconds. */
  readonly deliveryTimeoutMs: number;
  /** Formats the `request-time` header. */
  readonly requestTime: (ms: number) => string;
  /** Registers work in flight (for `idle()` and `waitUntil`). */
  readonly track: (work: Promise<unknown>) => void;
  /** Aborted when the sandbox closes. */
  readonly closed: AbortSignal;
}

/** A notification to send. */
export interface OutgoingNotification {
  readonly clientId: string;
  readonly paymentId: string;
  readonly paymentRequestId: string;
  readonly notifyUrl: string;
  readonly body: string;
}

/** Sends notifications on the resend schedule until acknowledged, and remembers every attempt. */
export interface Notifier {
  /** Starts delivering; the returned promise settles when the first attempt has been handled. */
  send(notification: OutgoingNotification): Promise<void>;
  /** Every notification so far, oldest first, optionally for one payment (by either id). */
  list(paymentId?: string): NotificationRecord[];
}

interface LiveNotification extends OutgoingNotification {
  readonly notificationId: string;
  readonly createdAt: number;
  acknowledged: boolean;
  nextAttemptAt: number | null;
  cancelNext: (() => void) | null;
  readonly attempts: NotificationAttempt[];
}

interface Held {
  readonly notification: LiveNotification;
  readonly scheduledAt: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Creates the notifier. */
export function createNotifier(deps: NotifierDeps): Notifier {
  const offsets = attemptOffsetsMs(deps.schedule, deps.timeScale);
  const all: LiveNotification[] = [];
  let held: Held[] = [];
  let cancelFlush: (() => void) | null = null;

  const record = (
    n: LiveNotification,
    fields: Omit<NotificationAttempt, "attempt">,
  ): NotificationAttempt => {
    const attempt = { attempt: n.attempts.length + 1, ...fields };
    n.attempts.push(attempt);
    return attempt;
  };

  const scheduleAfter = (n: LiveNotification, slot: number): void => {
    const offset = offsets[slot];
    if (n.acknowledged || deps.closed.aborted || offset === undefined) {
      n.nextAttemptAt = null;
      return;
    }
    const due = n.createdAt + offset;
    n.nextAttemptAt = due;
    n.cancelNext = deps.timers.schedule(() => {
      n.cancelNext = null;
      deps.track(runSlot(n, slot + 1));
    }, due - deps.now());
  };

  const deliverOnce = async (
    n: LiveNotification,
    slot: number,
    scheduledAt: number,
    faults: FaultKind[],
  ): Promise<void> => {
    const target = { paymentId: n.paymentId, paymentRequestId: n.paymentRequestId };
    const corrupt = deps.faults.strike("corrupt-notification-signature", target) !== undefined;
    const posted = await postNotification(deps, n, corrupt);
    const { sentAt, ...answer } = posted;
    record(n, {
      slot,
      scheduledAt: iso(scheduledAt),
      sentAt: iso(sentAt),
      ...answer,
      faults: corrupt ? [...faults, "corrupt-notification-signature"] : faults,
    });
    if (posted.outcome === "acknowledged") {
      n.acknowledged = true;
      n.nextAttemptAt = null;
      n.cancelNext?.();
      n.cancelNext = null;
    }
  };

  const deliverSlot = async (
    n: LiveNotification,
    slot: number,
    scheduledAt: number,
    faults: FaultKind[],
  ): Promise<void> => {
    const target = { paymentId: n.paymentId, paymentRequestId: n.paymentRequestId };
    const duplicate = deps.faults.strike("duplicate-notification", target) !== undefined;
    await deliverOnce(n, slot, scheduledAt, faults);
    if (duplicate) await deliverOnce(n, slot, scheduledAt, [...faults, "duplicate-notification"]);
    if (!n.acknowledged) scheduleAfter(n, slot);
  };

  const flush = async (): Promise<void> => {
    cancelFlush?.();
    cancelFlush = null;
    const batch = held.reverse();
    held = [];
    for (const item of batch) {
      await deliverSlot(item.notification, 1, item.scheduledAt, ["reorder-notifications"]);
    }
  };

  const runSlot = async (n: LiveNotification, slot: number): Promise<void> => {
    if (n.acknowledged || deps.closed.aborted) return;
    const scheduledAt = deps.now();
    const target = { paymentId: n.paymentId, paymentRequestId: n.paymentRequestId };
    if (deps.faults.strike("drop-notification", target) !== undefined) {
      record(n, {
        slot,
        scheduledAt: iso(scheduledAt),
        sentAt: null,
        requestTime: null,
        outcome: "dropped",
        httpStatus: null,
        responseBody: null,
        error: null,
        faults: ["drop-notification"],
      });
      scheduleAfter(n, slot);
      return;
    }
    const delay = deps.faults.strike("delay-notification", target);
    if (delay !== undefined) {
      n.nextAttemptAt = scheduledAt + (delay.delayMs ?? 1000);
      deps.timers.schedule(() => {
        deps.track(deliverSlot(n, slot, scheduledAt, ["delay-notification"]));
      }, delay.delayMs ?? 1000);
      return;
    }
    const reorder = slot === 1 ? deps.faults.strike("reorder-notifications", target) : undefined;
    if (reorder !== undefined) {
      held.push({ notification: n, scheduledAt });
      if (held.length >= (reorder.window ?? 2)) return flush();
      cancelFlush ??= deps.timers.schedule(() => deps.track(flush()), reorder.delayMs ?? 1000);
      return;
    }
    await deliverSlot(n, slot, scheduledAt, []);
  };

  return {
    send(notification) {
      const n: LiveNotification = {
        ...notification,
        notificationId: `ntf-${all.length + 1}`,
        createdAt: deps.now(),
        acknowledged: false,
        nextAttemptAt: null,
        cancelNext: null,
        attempts: [],
      };
      all.push(n);
      const first = runSlot(n, 1);
      deps.track(first);
      return first;
    },
    list(paymentId) {
      return all
        .filter(
          (n) =>
            paymentId === undefined ||
            n.paymentId === paymentId ||
            n.paymentRequestId === paymentId,
        )
        .map((n) => ({
          notificationId: n.notificationId,
          notifyType: "PAYMENT_RESULT",
          clientId: n.clientId,
          paymentId: n.paymentId,
          paymentRequestId: n.paymentRequestId,
          notifyUrl: n.notifyUrl,
          body: n.body,
          createdAt: iso(n.createdAt),
          acknowledged: n.acknowledged,
          nextAttemptAt:
            n.nextAttemptAt === null || deps.closed.aborted ? null : iso(n.nextAttemptAt),
          attempts: n.attempts.map((attempt) => ({ ...attempt, faults: [...attempt.faults] })),
        }));
    },
  };
}
