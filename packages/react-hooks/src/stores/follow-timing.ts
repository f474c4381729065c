/** When to poll and when to reconnect while following a payment. All values in milliseconds. */
export interface FollowTiming {
  /** Poll interval during the first `fastPhaseMs` of following, while no socket is open. */
  pollFastMs: number;
  /** Poll interval after that. */
  pollSlowMs: number;
  /** How long the fast polling phase lasts. */
  fastPhaseMs: number;
  /** First reconnect delay; it doubles on each failed attempt. */
  reconnectBaseMs: number;
  /** The longest reconnect delay. */
  reconnectMaxMs: number;
}

/** 2 s polls for a minute, then 10 s; reconnects after 1, 2, 4 … 30 s, each jittered. */
export const defaultFollowTiming: FollowTiming = {
  pollFastMs: 2_000,
  pollSlowMs: 10_000,
  fastPhaseMs: 60_000,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 30_000,
};
