/** A small, fast, reproducible source of pseudo-random numbers (not for cryptography). */
export interface SeededRandom {
  /** The next number in [0, 1). */
  next(): number;
  /** True with probability `p` (0 never, 1 always, without consuming a number for either). */
  chance(p: number): boolean;
  /** The next integer in [0, n). */
  int(n: number): number;
}

// FNV-1a turns any seed (a number or a string) into 32 bits, so that "42" and 42 both work.
function hashSeed(seed: number | string): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Creates a seeded generator (mulberry32): the same seed always gives the same sequence, so a
 * fault that strikes "with probability 0.3" strikes on the same requests in every run.
 *
 * @example
 * const random = createSeededRandom(42);
 * random.chance(0.3); // same answer on every run with seed 42
 */
export function createSeededRandom(seed: number | string): SeededRandom {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance(p) {
      if (p >= 1) return true;
      if (p <= 0) return false;
      return next() < p;
    },
    int(n) {
      return Math.floor(next() * n);
    },
  };
}
