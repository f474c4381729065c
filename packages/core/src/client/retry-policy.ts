/**
 * How a client retries an idempotent call (every operation carries its request id, so re-sending
 * the same body cannot pay twice). Set `limit: 0`, or pass `retry: false`, to never retry.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (three requests in all). */
  limit?: number | undefined;
  /** Backoff before the first retry; doubles with each retry. Default 500 ms. */
  baseDelayMs?: number | undefined;
  /** Cap of a computed backoff. Default 5000 ms. */
  maxDelayMs?: number | undefined;
  /** A `Retry-After` longer than this ends the retries instead of being waited for. Default 20 s. */
  maxRetryAfterMs?: number | undefined;
}

/** {@link RetryOptions} with every value filled in. */
export type RetryPolicy = { [K in keyof RetryOptions]-?: number };

/** The default retry policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 2,
  baseDelayMs: 500,
  maxDelayMs: 5000,
  maxRetryAfterMs: 20_000,
});

/**
 * `U` result codes that mean "the gateway could not serve this now, try again" (PROTOCOL §6).
 * `PAYMENT_IN_PROCESS` is deliberately absent: it says the payment exists and is being processed,
 * so re-sending pay learns nothing; the caller inquires instead.
 */
export const RETRYABLE_RESULT_CODES: ReadonlySet<string> = new Set([
  "UNKNOWN_EXCEPTION",
  "REQUEST_TRAFFIC_EXCEED_LIMIT",
]);

/** HTTP statuses worth a retry: 408, 429 and every 5xx. Other statuses will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

function checkedMs(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`retry.${name}: expected a finite number >= 0, got ${value}`);
  }
  return value;
}

/** Merges per-call retry options over per-client ones over the defaults; `false` means no retry. */
export function resolveRetryPolicy(
  client: RetryOptions | false | undefined,
  call: RetryOptions | false | undefined,
): RetryPolicy {
  if (client === false || call === false) return { ...DEFAULT_RETRY_POLICY, limit: 0 };
  // Field by field, so that a per-call field left undefined keeps the client's value.
  const pick = (name: keyof RetryOptions) => call?.[name] ?? client?.[name];
  const limit = pick("limit") ?? DEFAULT_RETRY_POLICY.limit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new TypeError(`retry.limit: expected an integer >= 0, got ${limit}`);
  }
  return {
    limit,
    baseDelayMs: checkedMs("baseDelayMs", pick("baseDelayMs"), DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: checkedMs("maxDelayMs", pick("maxDelayMs"), DEFAULT_RETRY_POLICY.maxDelayMs),
    maxRetryAfterMs: checkedMs(
      "maxRetryAfterMs",
      pick("maxRetryAfterMs"),
      DEFAULT_RETRY_POLICY.maxRetryAfterMs,
    ),
  };
}

/**
 * Exponential backoff with "equal jitter" before retry number `retry` (1-based): half of the
 * capped delay is fixed, half random, so retries never bunch up at zero and clients that failed
 * together do not retry together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random = Math.random): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`); a date in the past means 0. `undefined` when absent or
 * unreadable.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only the HTTP-date form (day name first, GMT last) is accepted, not any string Date parses.
  if (!/^[A-Za-z]{3,9}, .+ GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function waitBeforeRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
