import type { KeyInput } from "@ams-edge/core";
import type { Clock } from "../clock/clock.ts";
import type { FaultRule } from "../faults/fault-rule.ts";
import type { LedgerSnapshot } from "../state/ledger-snapshot.ts";

/** A merchant the sandbox accepts calls from. */
export interface SandboxMerchant {
  /** The `Client-Id` the merchant sends. */
  readonly clientId: string;
  /** The merchant's public key (PEM or bare base64 SPKI, JWK or CryptoKey) to verify its calls. */
  readonly publicKey: KeyInput;
  /** Which `keyVersion` this key answers to (default 1); list a merchant twice to rotate keys. */
  readonly keyVersion?: string | number;
}

/** Options of {@link createSandbox}. Durations are on the sandbox clock. */
export interface SandboxOptions {
  /** Who may call, with which public keys. */
  readonly merchants: readonly SandboxMerchant[];
  /** The sandbox's own private key (plays the provider's): signs answers and notifications. */
  readonly alipayPrivateKey: KeyInput;
  /** `keyVersion` in the sandbox's `signature` headers (default 1). */
  readonly alipayKeyVersion?: string | number;
  /** Public base URL for wallet links, e.g. `http://127.0.0.1:8788` (default: each call's own origin). */
  readonly baseUrl?: string;
  /** Source of time and timers (default: the real clock). Use `createManualClock()` in tests. */
  readonly clock?: Clock;
  /** Multiplies the notification resend schedule: `0.001` turns 2 minutes into 120 ms (default 1). */
  readonly timeScale?: number;
  /** Seed of the random draws behind fault probabilities (default 1). */
  readonly seed?: number | string;
  /** Faults in force from the start. */
  readonly faults?: readonly FaultRule[];
  /** `fetch` used to deliver notifications (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Waits in seconds before each notification attempt (default: the provider's 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h). */
  readonly resendScheduleSeconds?: readonly number[];
  /** How long to wait for the merchant's answer to a notification, in real ms (default 10000). */
  readonly notifyTimeoutMs?: number;
  /** When an unpaid payment closes if pay did not set `paymentExpiryTime` (default 900 s: 15 min). */
  readonly defaultExpirySeconds?: number;
  /** How long after payment a cancel still reverses it (default 86400 s: 24 h). */
  readonly cancelWindowSeconds?: number;
  /** How long after payment refunds are accepted (default 365 days). */
  readonly refundWindowSeconds?: number;
  /** Offset of the times the sandbox writes, in minutes east of UTC (default 0: `+00:00`). */
  readonly timeZoneOffsetMinutes?: number;
  /** Whether magic amounts script the customer (default true). */
  readonly magicAmounts?: boolean;
  /** Whether a payment closed at expiry gets an F `ORDER_IS_CLOSED` notification (default true). */
  readonly notifyOnClose?: boolean;
  /**
   * Payments and refunds to start with, from an earlier sandbox's `ledger()` (default: none).
   * Their expiry is applied when they are next read.
   */
  readonly ledger?: LedgerSnapshot;
  /**
   * Called with the whole ledger after anything in it changed (a call, a customer action, a
   * timer): write it somewhere to restore it with `ledger` later. Called synchronously.
   */
  readonly onLedgerChange?: (snapshot: LedgerSnapshot) => void;
  /** Longest time a `hang` fault holds an answer, in ms (default 60000); closing releases it sooner. */
  readonly hangMs?: number;
}
