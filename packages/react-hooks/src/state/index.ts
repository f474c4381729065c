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
  type PaymentScreenState,
  type SucceededState,
  toPaymentScreenState,
} from "./payment-state.ts";
