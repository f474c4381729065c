import type { Clock } from "../clock/clock.ts";
import type { TimerSet } from "../clock/timer-set.ts";
import type { FaultInjector } from "../faults/fault-injector.ts";
import type { Notifier } from "../notify/notifier.ts";
import type { MessageSigner } from "../signing/sign-message.ts";
import type { PaymentStore } from "../state/payment-store.ts";
import type { SandboxSettings } from "./sandbox-settings.ts";

/** The live parts of one sandbox, shared by its routes, timers and notifier. */
export interface SandboxRuntime {
  readonly settings: SandboxSettings;
  readonly clock: Clock;
  readonly timers: TimerSet;
  readonly store: PaymentStore;
  readonly faults: FaultInjector;
  readonly notifier: Notifier;
  readonly signer: MessageSigner;
  /** Formats an instant the way the gateway writes times (ISO 8601 to the second, with offset). */
  readonly time: (ms: number) => string;
  /** Registers work in flight, so that `idle()` and `close()` can wait for it. */
  readonly track: (work: Promise<unknown>) => void;
  /** Aborted when the sandbox closes. */
  readonly closed: AbortSignal;
}
