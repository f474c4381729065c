/** Builders of soak evidence for the unit tests: a paid, notified, stored payment by default. */
import type { NotificationRecord, SandboxPaymentView } from "@ams-edge/sandbox";
import type { PaymentEvidence } from "./check-payment.ts";
import type { PaymentRun } from "./drive-payment.ts";
import type { LogEntry } from "./worker-log-facts.ts";

/** The payment request id of the test payment. */
export const ID = "ik0123456789abcdef0123456789abcdef";
/** The order amount: USD 12.50. */
export const AMOUNT = { currency: "USD", value: "1250" };
/** A `PAYMENT_RESULT` success for {@link ID} and {@link AMOUNT}. */
export const SUCCESS_BODY = JSON.stringify({
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
  paymentRequestId: ID,
  paymentAmount: AMOUNT,
});
/** `request-time` of a first delivery. */
export const TIME_1 = "2026-01-01T00:00:01.000+00:00";
/** `request-time` of a second delivery. */
export const TIME_2 = "2026-01-01T00:00:02.000+00:00";

/** A driven "pays" payment that settled as succeeded. */
export function run(extra: Partial<PaymentRun> = {}): PaymentRun {
  return {
    plan: {
      index: 0,
      scenario: "pays",
      channel: "OrderCode",
      amount: AMOUNT.value,
      idempotencyKey: "soak-1-0",
      expiresInSeconds: null,
      customer: { kind: "pay", scan: false, thinkMs: 0 },
      replayCreate: false,
      faults: [],
      oddNotifications: [],
    },
    paymentRequestId: ID,
    statusToken: "token",
    redirectUrl: null,
    createStatuses: [201],
    actions: ["pay"],
    lastStatus: "succeeded",
    settledMs: 300,
    readErrors: 0,
    problems: [],
    faultIds: [],
    posted: [],
    attention: null,
    ...extra,
  };
}

/** The sandbox's ledger entry: paid. */
export function gatewayPayment(extra: Partial<SandboxPaymentView> = {}): SandboxPaymentView {
  return {
    paymentId: "2026010111000000001",
    paymentRequestId: ID,
    clientId: "LOCAL_DEV_MERCHANT",
    scenario: "OrderCode",
    status: "SUCCESS",
    reversed: false,
    amount: AMOUNT,
    refunded: "0",
    resultCode: "SUCCESS",
    resultMessage: "success",
    orderDescription: "Soak order 0",
    merchantName: "Demo Merchant",
    storeName: "Demo Cafe",
    createdAt: "2026-01-01T00:00:00.000Z",
    expiresAt: "2026-01-01T00:10:00.000Z",
    scannedAt: "2026-01-01T00:00:00.500Z",
    finishedAt: "2026-01-01T00:00:01.000Z",
    cancelledAt: null,
    walletUrl: "http://127.0.0.1:1/wallet/2026010111000000001",
    notifyUrl: "http://127.0.0.1:2/alipay/notify",
    redirectUrl: null,
    magic: null,
    ...extra,
  };
}

/** One delivery attempt of a notification. */
export type Attempt = NotificationRecord["attempts"][number];

/** An acknowledged delivery sent with `requestTime`. */
export function attempt(requestTime: string, extra: Partial<Attempt> = {}): Attempt {
  return {
    attempt: 1,
    slot: 1,
    scheduledAt: "2026-01-01T00:00:01.000Z",
    sentAt: "2026-01-01T00:00:01.000Z",
    requestTime,
    outcome: "acknowledged",
    httpStatus: 200,
    responseBody: "{}",
    error: null,
    faults: [],
    ...extra,
  };
}

/** The success notification of the test payment, with these attempts. */
export function notification(attempts: Attempt[]): NotificationRecord {
  return {
    notificationId: "ntf-1",
    notifyType: "PAYMENT_RESULT",
    clientId: "LOCAL_DEV_MERCHANT",
    paymentId: "2026010111000000001",
    paymentRequestId: ID,
    notifyUrl: "http://127.0.0.1:2/alipay/notify",
    body: SUCCESS_BODY,
    createdAt: "2026-01-01T00:00:01.000Z",
    acknowledged: attempts.some((a) => a.outcome === "acknowledged"),
    nextAttemptAt: null,
    attempts,
  };
}

/** One entry of the Worker's event log. */
export const entry = (seq: number, kind: string, data: Record<string, unknown>): LogEntry => ({
  seq,
  at: seq,
  kind,
  data,
});
/** A pay request in the event log, sent under `id`. */
export const payRequest = (id = ID) =>
  entry(1, "request", { operation: "pay", body: JSON.stringify({ paymentRequestId: id }) });
/** The success notification as the Worker stored it. */
export const stored = (requestTime: string) =>
  entry(2, "notification", { requestTime, rawBody: SUCCESS_BODY });
/** The move to succeeded, made by an event of `type`. */
export const paidTransition = (type: string) =>
  entry(3, "transition", { event: { type }, from: "awaiting_payment", to: "succeeded" });

/** Evidence of a clean paid payment, with `extra` replacing parts. */
export function evidence(extra: Partial<PaymentEvidence> = {}): PaymentEvidence {
  return {
    run: run(),
    view: { status: "succeeded", resultCode: "SUCCESS", attention: null },
    log: [payRequest(), stored(TIME_1), paidTransition("notification")],
    ledger: [gatewayPayment()],
    notifications: [notification([attempt(TIME_1)])],
    review: [],
    ...extra,
  };
}
