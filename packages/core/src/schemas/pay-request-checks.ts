import * as v from "valibot";
import { RequestError } from "./request-error.ts";
import { OffsetDateTimeSchema } from "./wire-fields.ts";

/** The provider refuses an expiry 30 minutes or more ahead. */
const MAX_EXPIRY_MS = 30 * 60 * 1000;

/** Throws a typed error for a request id the provider would refuse; non-strings go to the schema. */
export function checkRequestId(id: unknown): void {
  if (typeof id !== "string") return;
  if (id.length === 0) {
    throw new RequestError(
      "REQUEST_ID_EMPTY",
      "paymentRequestId",
      "Expected a paymentRequestId; got an empty string.",
    );
  }
  if (id.length > 64) {
    throw new RequestError(
      "REQUEST_ID_TOO_LONG",
      "paymentRequestId",
      `Expected a paymentRequestId of at most 64 characters; got ${id.length}.`,
      { hint: "Use a shorter id, e.g. a UUID without braces (36 characters)." },
    );
  }
  const bad = /[^\w-]/.exec(id);
  if (bad !== null) {
    throw new RequestError(
      "REQUEST_ID_INVALID_CHARACTERS",
      "paymentRequestId",
      `Expected only letters, digits, '_' and '-' in paymentRequestId; got ${JSON.stringify(bad[0])} at index ${bad.index}.`,
      { hint: "The provider rejects special characters in request ids." },
    );
  }
}

function epochMs(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  const ms = typeof now === "number" ? now : now.getTime();
  if (!Number.isFinite(ms))
    throw new TypeError("Expected options.now to be a valid Date or epoch milliseconds");
  return ms;
}

/**
 * Turns the expiry into the wire string and checks it is after `now` and less than 30 minutes
 * ahead. A Date is written in UTC to the second (`2024-01-15T01:44:00+00:00`); a string must
 * already be ISO 8601 with an offset and is sent unchanged.
 */
export function expiryTime(expiry: unknown, now: Date | number | undefined): string {
  const path = "paymentExpiryTime";
  let text: string;
  let at: number;
  if (expiry instanceof Date && !Number.isNaN(expiry.getTime())) {
    at = Math.floor(expiry.getTime() / 1000) * 1000;
    text = `${new Date(at).toISOString().slice(0, 19)}+00:00`;
  } else if (typeof expiry === "string" && v.is(OffsetDateTimeSchema, expiry)) {
    at = Date.parse(expiry);
    text = expiry;
  } else {
    throw new RequestError(
      "EXPIRY_INVALID",
      path,
      `Expected paymentExpiryTime as a valid Date or an ISO 8601 string with an offset; got ${describe(expiry)}.`,
      { hint: 'For example "2024-01-15T09:44:00+08:00" or new Date(Date.now() + 10 * 60_000).' },
    );
  }
  const ahead = at - epochMs(now);
  if (ahead <= 0) {
    throw new RequestError(
      "EXPIRY_NOT_IN_FUTURE",
      path,
      `Expected paymentExpiryTime after now; ${text} is ${-ahead / 1000} s in the past.`,
    );
  }
  if (ahead >= MAX_EXPIRY_MS) {
    throw new RequestError(
      "EXPIRY_TOO_FAR",
      path,
      `Expected paymentExpiryTime less than 30 minutes ahead; ${text} is ${ahead / 1000} s ahead.`,
      {
        hint: "The provider refuses expiries 30 minutes or more ahead; leave it out to use the contract default.",
      },
    );
  }
  return text;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return "an invalid Date";
  return value === null ? "null" : typeof value;
}

/** Throws when the Entry Code user agent is missing or blank. */
export function checkUserAgent(userAgent: unknown): void {
  if (typeof userAgent === "string" && userAgent.trim() !== "") return;
  throw new RequestError(
    "USER_AGENT_REQUIRED",
    "order.env.userAgent",
    "Expected the User-Agent of the wallet's in-app browser for an Entry Code payment; got none.",
    { hint: "Pass the User-Agent header of the request that opened the merchant page." },
  );
}
