import type { WorkerErrorCode } from "@ams-edge/core/api";

// The views are the Worker's API contract, defined once in `@ams-edge/core/api`; they are
// re-exported here for the Worker's own modules.
export type {
  AmountView,
  OrderCodeView,
  PaymentView,
  RefundView,
} from "@ams-edge/core/api";

/** The answer of a payment object's method: a value, or an error the Worker answers with. */
export type ObjectResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: ObjectErrorCode; message: string };

/** Errors a payment object reports to the Worker. */
export type ObjectErrorCode = Extract<
  WorkerErrorCode,
  | "PAYMENT_NOT_FOUND"
  | "IDEMPOTENCY_KEY_REUSED"
  | "PAYMENT_NOT_CANCELLABLE"
  | "PAYMENT_NOT_REFUNDABLE"
  | "REFUND_AMOUNT_EXCEEDED"
  | "GATEWAY_UNAVAILABLE"
>;
