import type { PaymentScreenState } from "../state/payment-state.ts";

/**
 * One line per state, for asserting whole sequences: the status, then what matters for it
 * (`awaiting_scan:live:120`, `cancelled:reversed`, `error:PAYMENT_MISMATCH`).
 */
export function label(state: PaymentScreenState): string {
  switch (state.status) {
    case "creating":
      return `creating:${state.connection}`;
    case "awaiting_scan":
      return `awaiting_scan:${state.connection}:${state.secondsLeft}`;
    case "failed":
      return `failed:${state.resultCode}`;
    case "cancelled":
      return state.reversed ? "cancelled:reversed" : "cancelled";
    case "error":
      return `error:${state.error.code}`;
    default:
      return state.status;
  }
}
