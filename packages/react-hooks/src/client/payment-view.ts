import {
  type CreatedPayment,
  CURRENCY_PATTERN,
  MINOR_UNITS_PATTERN,
  PAYMENT_STATUSES,
  type PaymentView,
} from "@ams-edge/core/api";

/** The answer to `POST /api/entry/:storeId/payments`: also the wallet URL to send the customer to. */
export type EntryPayment = CreatedPayment & { redirectUrl: string };

/**
 * True when `value` passes `PaymentViewSchema` of `@ams-edge/core/api` on the fields the hooks
 * act on: the id, the status, the amount and the version. The Worker answers with whole views;
 * this guard stands between them and the screen without bundling a schema library, and lets a
 * newer Worker add fields.
 */
export function isPaymentView(value: unknown): value is PaymentView {
  const view = value as Partial<PaymentView> | null;
  return (
    isObject(view) &&
    typeof view.paymentRequestId === "string" &&
    PAYMENT_STATUSES.includes(view.status as PaymentView["status"]) &&
    isObject(view.amount) &&
    matches(view.amount.currency, CURRENCY_PATTERN) &&
    matches(view.amount.value, MINOR_UNITS_PATTERN) &&
    Number.isInteger(view.version) &&
    (view.version as number) >= 0
  );
}

// As in valibot: any non-null object (arrays too) is an object whose fields can be checked.
const isObject = (value: unknown): value is object => !!value && typeof value === "object";

const matches = (value: unknown, pattern: RegExp) =>
  typeof value === "string" && pattern.test(value);
