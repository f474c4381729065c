/** A token bucket: `tokens` left at time `updatedAt` (ms). */
export interface TokenBucket {
  tokens: number;
  updatedAt: number;
}

/** The limit: `burst` tokens at most, one more every `refillSeconds`. */
export interface RateLimit {
  burst: number;
  refillSeconds: number;
}

/** The outcome of one attempt to take a token. */
export interface TakeResult {
  allowed: boolean;
  /** Seconds until a token is available (0 when allowed). */
  retryAfterSeconds: number;
  bucket: TokenBucket;
}

/** Refills `bucket` up to `now` and takes one token if there is one. Pure. */
export function takeToken(
  bucket: TokenBucket | undefined,
  limit: RateLimit,
  now: number,
): TakeResult {
  const refillMs = limit.refillSeconds * 1000;
  const elapsed = bucket === undefined ? 0 : Math.max(0, now - bucket.updatedAt);
  const available =
    bucket === undefined ? limit.burst : Math.min(limit.burst, bucket.tokens + elapsed / refillMs);
  if (available >= 1) {
    return {
      allowed: true,
      retryAfterSeconds: 0,
      bucket: { tokens: available - 1, updatedAt: now },
    };
  }
  return {
    allowed: false,
    retryAfterSeconds: Math.ceil(((1 - available) * refillMs) / 1000),
    bucket: { tokens: available, updatedAt: now },
  };
}
