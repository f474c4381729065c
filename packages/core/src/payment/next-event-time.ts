import type { PaymentState } from "./payment-state.ts";

/**
 * The time to stamp on the next event: `now`, but at least 1 ms after the last change. Repeats
 * are recognised by their time (an answer no newer than the last one is a repeat or stale), so
 * two genuine answers must not share a millisecond.
 *
 * @example
 * state = transition(state, toInquiryEvent(result, nextEventTime(state, Date.now())));
 */
export function nextEventTime(state: PaymentState, now: number): number {
  return Math.max(now, state.updatedAt + 1);
}
