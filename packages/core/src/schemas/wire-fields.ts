import * as v from "valibot";

/**
 * A required wire string: not empty and, when the provider documents a limit, at most `max`
 * characters. Every scalar on the AMS wire is a string, even amounts and counts.
 */
/* @__NO_SIDE_EFFECTS__ */
export function wireString(max?: number) {
  return max === undefined
    ? v.pipe(v.string(), v.minLength(1, "Expected a non-empty string"))
    : v.pipe(v.string(), v.minLength(1, "Expected a non-empty string"), v.maxLength(max));
}

/**
 * The merchant's idempotency key of a payment: 1 to 64 characters, letters, digits, `_` and `-`
 * only (the provider rejects "special characters").
 */
export const PaymentRequestIdSchema = v.pipe(
  v.string(),
  v.minLength(1, "Expected a non-empty request id"),
  v.maxLength(64, "Expected a request id of at most 64 characters"),
  v.regex(/^[\w-]*$/, "Expected only letters, digits, '_' and '-' in the request id"),
);

/** The merchant's idempotency key of a refund: 1 to 64 characters. */
export const RefundRequestIdSchema = wireString(64);

/** The `Agent-Token` header value an ISV sends on behalf of a merchant: 1 to 128 characters. */
export const AgentTokenSchema = wireString(128);

/** A URL the provider calls or sends the customer to: 1 to 2048 characters. */
export const WireUrlSchema = wireString(2048);

/**
 * An ISO 8601 date-time with seconds and an explicit offset, as the provider expects in requests:
 * `2024-01-15T09:44:00+08:00` (a `Z` or milliseconds are accepted too).
 */
export const OffsetDateTimeSchema = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)$/,
    "Expected an ISO 8601 date-time with an offset, e.g. 2024-01-15T09:44:00+08:00",
  ),
  v.check((text) => !Number.isNaN(Date.parse(text)), "Expected a date-time that exists"),
);
