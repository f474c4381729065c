import type { PaymentState } from "./payment-state.ts";

/** The gateway's "too many requests" answer (`U`): slow down and ask again, never give up. */
export const TRAFFIC_LIMIT_CODE = "REQUEST_TRAFFIC_EXCEED_LIMIT";

/**
 * The streak of rate-limited answers after a fresh answer with `resultCode`: one longer for
 * `REQUEST_TRAFFIC_EXCEED_LIMIT`, back to 0 for anything else.
 */
export function throttledStreakAfter(state: PaymentState, resultCode: string): number {
  return resultCode === TRAFFIC_LIMIT_CODE ? (state.throttledStreak ?? 0) + 1 : 0;
}
