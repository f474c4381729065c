import type { Clock } from "../clock/clock.ts";
import type { ActiveFault } from "../faults/fault-injector.ts";
import type { FaultRule } from "../faults/fault-rule.ts";
import type { NotificationRecord } from "../notify/notification-record.ts";
import type { LedgerSnapshot } from "../state/ledger-snapshot.ts";
import type { SandboxPaymentView, SandboxRefundView } from "../state/payment-view.ts";
import type { CustomerAction } from "../wallet/customer-actions.ts";

/** What the runtime offers a request besides the request: workerd's `ctx` fits. */
export interface SandboxFetchContext {
  /** Keeps work (a notification delivery) running after the response is sent. */
  waitUntil?(promise: Promise<unknown>): void;
}

/** A running sandbox: a fetch handler plus inspection and control. */
export interface Sandbox {
  /** Serves the gateway, the wallet pages and the `/sandbox` API. Web APIs only. */
  readonly fetch: (request: Request, context?: SandboxFetchContext) => Promise<Response>;
  /** Every payment, oldest first. */
  payments(): SandboxPaymentView[];
  /** One payment by payment id or merchant request id. */
  payment(id: string): SandboxPaymentView | undefined;
  /**
   * The refunds made of one payment (by either id), oldest first: exactly what moved money back,
   * one entry per refund request id however often it was sent.
   */
  refunds(id: string): SandboxRefundView[];
  /** Every payment and refund as plain JSON: the `ledger` option of a later sandbox. */
  ledger(): LedgerSnapshot;
  /** Every notification and its attempts, optionally for one payment (either id). */
  notifications(paymentId?: string): NotificationRecord[];
  /**
   * Acts as the customer (`scan`, `pay`, `decline`, `expire`) on a payment by either id. Throws
   * `SandboxError` (`PAYMENT_NOT_FOUND`, `PAYMENT_FINAL`).
   */
  act(id: string, action: CustomerAction, resultCode?: string): SandboxPaymentView;
  /** The faults in force. */
  readonly faults: {
    add(rules: FaultRule | readonly FaultRule[]): ActiveFault[];
    list(): ActiveFault[];
    remove(id: string): boolean;
    clear(): void;
    reseed(seed: number | string): void;
  };
  /** The clock the sandbox runs on. */
  readonly clock: Clock;
  /** Resolves once no notification delivery or other background work is in flight. */
  idle(): Promise<void>;
  /** Cancels every timer, releases hung answers, aborts deliveries; the handler then answers 503. */
  close(): Promise<void>;
}
