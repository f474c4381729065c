export { describePaymentState } from "./describe-payment-state.ts";
export { PaymentMismatchError } from "./payment-mismatch-error.ts";
export {
  type AwaitingScanState,
  type CancelledState,
  type ConnectionState,
  type CreatingState,
  type ErrorState,
  type ExpiredState,
  type FailedState,
  isFinalState,
  type PaymentState,
  type SucceededState,
  toPaymentState,
} from "./payment-state.ts";
