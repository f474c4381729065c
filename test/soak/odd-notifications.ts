/**
 * Notification bodies the soak signs with the provider's key and posts itself: bodies the schema
 * does not know (each must be kept and acknowledged, and change nothing), and the provider's own
 * failure notification, which carries no amount (it must fail the payment).
 */

/** The ids and order amount a body is written for. */
export interface BodyIds {
  readonly paymentRequestId: string;
  /** The gateway's id, when the sandbox already has the payment. */
  readonly paymentId: string | null;
  /** Minor units of USD. */
  readonly amount: string;
}

/** A kind of signed body that no payment may act on. */
export type OddNotificationKind =
  | "amount-as-number"
  | "currency-lower-case"
  | "result-missing"
  | "notify-type-missing"
  | "null-fields"
  | "result-unknown"
  | "success-without-amount"
  | "result-code-empty"
  | "notify-type-unknown"
  | "not-json"
  | "json-array"
  | "payment-unknown";

/** One odd body: how it is written and where the Worker must keep it, with what reason. */
export interface OddNotification {
  readonly kind: OddNotificationKind;
  /** `payment`: in the payment's event log (and copied to review); `review`: D1's review log only. */
  readonly storedIn: "payment" | "review";
  /** The reason the Worker gives for applying it to nothing. */
  readonly reason: string;
  readonly body: (ids: BodyIds) => string;
}

const SUCCESS = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };

// Most claim a success for the order's exact amount: applied by mistake, they would show an
// unpaid payment as paid, which the ledger check catches.
const claim = (ids: BodyIds, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: SUCCESS,
    paymentRequestId: ids.paymentRequestId,
    ...(ids.paymentId === null ? {} : { paymentId: ids.paymentId }),
    paymentAmount: { currency: "USD", value: ids.amount },
    ...fields,
  });

const without = (ids: BodyIds, field: string) => {
  const body = JSON.parse(claim(ids)) as Record<string, unknown>;
  delete body[field];
  return JSON.stringify(body);
};

/** Every odd body, in the order the plan draws from. */
export const ODD_NOTIFICATIONS: readonly OddNotification[] = [
  {
    kind: "amount-as-number",
    storedIn: "payment",
    reason: "BODY_INVALID",
    body: (ids) => claim(ids, { paymentAmount: { currency: "USD", value: Number(ids.amount) } }),
  },
  {
    kind: "currency-lower-case",
    storedIn: "payment",
    reason: "BODY_INVALID",
    body: (ids) => claim(ids, { paymentAmount: { currency: "usd", value: ids.amount } }),
  },
  {
    kind: "result-missing",
    storedIn: "payment",
    reason: "BODY_INVALID",
    body: (ids) => without(ids, "result"),
  },
  {
    kind: "notify-type-missing",
    storedIn: "payment",
    reason: "BODY_INVALID",
    body: (ids) => without(ids, "notifyType"),
  },
  {
    kind: "null-fields",
    storedIn: "payment",
    reason: "BODY_INVALID",
    body: (ids) =>
      claim(ids, {
        result: { resultCode: null, resultStatus: "S", resultMessage: null },
        paymentId: null,
        paymentAmount: null,
      }),
  },
  {
    kind: "result-unknown",
    storedIn: "payment",
    reason: "RESULT_UNKNOWN",
    body: (ids) =>
      claim(ids, {
        result: {
          resultCode: "UNKNOWN_EXCEPTION",
          resultStatus: "U",
          resultMessage: "unknown exception",
        },
      }),
  },
  {
    kind: "success-without-amount",
    storedIn: "payment",
    reason: "AMOUNT_MISSING",
    body: (ids) => without(ids, "paymentAmount"),
  },
  {
    kind: "result-code-empty",
    storedIn: "payment",
    reason: "RESULT_CODE_MISSING",
    body: (ids) => claim(ids, { result: { resultCode: "", resultStatus: "S", resultMessage: "" } }),
  },
  {
    kind: "notify-type-unknown",
    storedIn: "payment",
    reason: "NOTIFY_TYPE_UNKNOWN",
    body: (ids) => claim(ids, { notifyType: "PAYMENT_PENDING" }),
  },
  {
    kind: "not-json",
    storedIn: "review",
    reason: "BODY_NOT_JSON",
    body: (ids) =>
      `notifyType=PAYMENT_RESULT&resultStatus=S&paymentRequestId=${ids.paymentRequestId}&paymentAmount=${ids.amount}`,
  },
  {
    kind: "json-array",
    storedIn: "review",
    reason: "BODY_INVALID",
    body: (ids) => `[${claim(ids)}]`,
  },
  {
    kind: "payment-unknown",
    storedIn: "review",
    reason: "PAYMENT_UNKNOWN",
    body: (ids) => claim(ids, { paymentRequestId: `${ids.paymentRequestId}-elsewhere` }),
  },
];

/** The odd body of `kind`. */
export function oddNotification(kind: OddNotificationKind): OddNotification {
  const found = ODD_NOTIFICATIONS.find((n) => n.kind === kind);
  if (found === undefined) throw new TypeError(`unknown odd notification "${kind}"`);
  return found;
}

const DECLINE_MESSAGES: Record<string, string> = {
  USER_BALANCE_NOT_ENOUGH: "user balance not enough",
  RISK_REJECT: "risk reject",
};

/**
 * The provider's own failure notification: `PAYMENT_RESULT` with an F result and the two ids, and
 * no `paymentAmount` (the sandbox's carries one).
 *
 * @example
 * providerFailureBody({ paymentRequestId: "ik01", paymentId: "2026..", amount: "1250" }, "RISK_REJECT");
 */
export function providerFailureBody(ids: BodyIds, resultCode: string): string {
  return JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: {
      resultCode,
      resultStatus: "F",
      resultMessage: DECLINE_MESSAGES[resultCode] ?? resultCode.toLowerCase().replaceAll("_", " "),
    },
    paymentRequestId: ids.paymentRequestId,
    ...(ids.paymentId === null ? {} : { paymentId: ids.paymentId }),
  });
}
