import { DurableObject } from "cloudflare:workers";
import { type RateLimit, type TakeResult, type TokenBucket, takeToken } from "./token-bucket.ts";

/**
 * One token bucket per client, addressed by `idFromName(clientIp)`. The bucket lives in memory:
 * when the object is evicted after being idle, the client would have refilled anyway.
 */
export class RateLimiterObject extends DurableObject<Env> {
  #bucket: TokenBucket | undefined;

  /** Takes one token; says whether the call is allowed and, if not, when to retry. */
  take(limit: RateLimit): Omit<TakeResult, "bucket"> {
    const result = takeToken(this.#bucket, limit, Date.now());
    this.#bucket = result.bucket;
    return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
  }
}
