import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  RETRYABLE_RESULT_CODES,
  resolveRetryPolicy,
} from "./retry-policy.ts";

describe("resolveRetryPolicy", () => {
  it("fills in the defaults", () => {
    expect(resolveRetryPolicy(undefined, undefined)).toStrictEqual({
      limit: 2,
      baseDelayMs: 500,
      maxDelayMs: 5000,
      maxRetryAfterMs: 20_000,
    });
  });

  it("lays per-call options over per-client ones", () => {
    expect(resolveRetryPolicy({ limit: 4, baseDelayMs: 100 }, { limit: 1 })).toStrictEqual({
      ...DEFAULT_RETRY_POLICY,
      limit: 1,
      baseDelayMs: 100,
    });
  });

  it("keeps the client's value where a per-call field is undefined", () => {
    expect(resolveRetryPolicy({ limit: 4 }, { limit: undefined, baseDelayMs: 10 })).toStrictEqual({
      ...DEFAULT_RETRY_POLICY,
      limit: 4,
      baseDelayMs: 10,
    });
  });

  it("turns false (client or call) into no retry", () => {
    expect(resolveRetryPolicy(false, { limit: 3 }).limit).toBe(0);
    expect(resolveRetryPolicy({ limit: 3 }, false).limit).toBe(0);
  });

  it.each([
    [{ limit: 1.5 }, "retry.limit: expected an integer >= 0, got 1.5"],
    [{ baseDelayMs: -1 }, "retry.baseDelayMs: expected a finite number >= 0, got -1"],
    [
      { maxDelayMs: Number.POSITIVE_INFINITY },
      "retry.maxDelayMs: expected a finite number >= 0, got Infinity",
    ],
  ])("refuses %j", (options, message) => {
    expect(() => resolveRetryPolicy(options, undefined)).toThrow(new TypeError(message));
  });
});

describe("backoffDelay", () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

  it("doubles per retry, with half of it random, and stops at the cap", () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, low))).toStrictEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, high))).toStrictEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(150);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-22T12:00:00Z");

  it.each([
    [null, undefined],
    ["0", 0],
    ["7", 7000],
    [" 120 ", 120_000],
    ["Sun, 22 Nov 2026 12:00:30 GMT", 30_000],
    ["Sunday, 22-Nov-26 12:00:30 GMT", 30_000],
    ["Sun, 22 Nov 2026 11:00:00 GMT", 0],
    ["-5", undefined],
    ["1.5", undefined],
    ["soon", undefined],
    ["2026-11-22T12:00:30Z", undefined],
  ])("reads %j as %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("what is retried", () => {
  it("retries 408, 429 and 5xx, nothing else", () => {
    const statuses = [200, 301, 400, 401, 404, 408, 409, 413, 429, 500, 502, 503, 504, 599];
    expect(statuses.filter(isRetryableStatus)).toStrictEqual([408, 429, 500, 502, 503, 504, 599]);
  });

  it("retries only the U codes that mean try again", () => {
    expect([...RETRYABLE_RESULT_CODES]).toStrictEqual([
      "UNKNOWN_EXCEPTION",
      "REQUEST_TRAFFIC_EXCEED_LIMIT",
    ]);
  });
});
