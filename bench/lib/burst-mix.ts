/**
 * The fixed mix of a notification load: how many first results, resends and notifications for
 * unknown payments each burst holds, and in which order, drawn from a seed. Two runs of the same
 * size send the same mix in the same order, so their figures differ only by the machine.
 */

/** The notifications of each burst, as indexes into the payments (or unknown ids). */
export interface BurstMix {
  /** Payment indexes of the first-result burst: each payment once. */
  firstResults: number[];
  /** Payment indexes of the resend burst: each payment `resendsPerPayment` times, shuffled. */
  resends: number[];
  /** Ids of payments no object holds, one notification each. */
  unknownIds: string[];
  /** Ids of payments no object holds, for the untimed warm-up. */
  warmupIds: string[];
}

/** Options of {@link planBurstMix}. */
export interface BurstMixOptions {
  payments: number;
  resendsPerPayment: number;
  unknown: number;
  warmup: number;
  seed: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place with `random` (Fisher–Yates). */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
  return items;
}

/**
 * The mix for `payments` created payments: first results in creation order (the order their
 * alarms were armed in), resends shuffled so that no payment's copies come back to back, and
 * unknown payments' ids fixed by the seed (each run has a fresh local database).
 */
export function planBurstMix(options: BurstMixOptions): BurstMix {
  const { payments, resendsPerPayment, unknown, warmup, seed } = options;
  for (const [name, n] of Object.entries({ payments, resendsPerPayment, unknown, warmup })) {
    if (!Number.isInteger(n) || n < 0) {
      throw new TypeError(`planBurstMix: ${name} must be a whole number, got ${n}`);
    }
  }
  const random = seededRandom(seed);
  const firstResults = Array.from({ length: payments }, (_, i) => i);
  const resends = shuffle(
    Array.from({ length: payments * resendsPerPayment }, (_, i) => i % payments),
    random,
  );
  const tag = seed.toString(16).padStart(8, "0");
  const ids = (kind: string, n: number) =>
    Array.from({ length: n }, (_, i) => `bench-${kind}-${tag}-${i}`);
  return {
    firstResults,
    resends,
    unknownIds: ids("unknown", unknown),
    warmupIds: ids("warmup", warmup),
  };
}
