/**
 * `@ams-edge/sandbox`: a stateful local stand-in for the Alipay Global (AMS) gateway, for tests
 * and demos. One fetch handler (Web APIs only) serves the gateway, a customer wallet page and a
 * JSON control API; notifications follow the provider's resend schedule; faults are injectable.
 */
export type { Clock, ManualClock, TimerHandle } from "./clock/index.ts";
export { createManualClock, systemClock } from "./clock/index.ts";
export type {
  ActiveFault,
  FaultKind,
  FaultRule,
  GatewayApi,
  GatewayFaultKind,
  NotificationFaultKind,
} from "./faults/index.ts";
export { FAULT_KINDS, GATEWAY_APIS, parseFaultRule } from "./faults/index.ts";
export type { GeneratedKeyPair } from "./keys/generate-key-pair.ts";
export { generateKeyPair } from "./keys/generate-key-pair.ts";
export type {
  AttemptOutcome,
  NotificationAttempt,
  NotificationRecord,
} from "./notify/notification-record.ts";
export { PROVIDER_RESEND_SCHEDULE_SECONDS } from "./notify/resend-schedule.ts";
export type { SeededRandom } from "./random/seeded-random.ts";
export { createSeededRandom } from "./random/seeded-random.ts";
export { createSandbox } from "./sandbox/create-sandbox.ts";
export type { Sandbox, SandboxFetchContext } from "./sandbox/sandbox.ts";
export { SandboxError, type SandboxErrorCode } from "./sandbox/sandbox-error.ts";
export type { SandboxMerchant, SandboxOptions } from "./sandbox/sandbox-options.ts";
export type { LedgerPayment, LedgerSnapshot } from "./state/ledger-snapshot.ts";
export type { SandboxPaymentStatus, WireAmount } from "./state/payment-record.ts";
export type { SandboxPaymentView, SandboxRefundView } from "./state/payment-view.ts";
export type { CustomerAction } from "./wallet/customer-actions.ts";
export type { MagicAmount } from "./wallet/magic-amounts.ts";
export { MAGIC_AMOUNTS, magicAmountFor } from "./wallet/magic-amounts.ts";
