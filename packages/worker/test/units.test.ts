import { describe, expect, it } from "vitest";
import { matchesApiKeyHash } from "../src/auth/api-key.ts";
import { createStatusToken, verifyStatusToken } from "../src/auth/status-token.ts";
import { loadConfig } from "../src/config/load-config.ts";
import { entryReturnUrl } from "../src/entry/entry-return-url.ts";
import { csvField, csvLine } from "../src/payment-index/csv.ts";
import { decodeCursor, encodeCursor } from "../src/payment-index/list-cursor.ts";
import { paymentRequestIdForKey } from "../src/payments/payment-request-id.ts";
import { takeToken } from "../src/rate-limit/token-bucket.ts";
import { TEST_API_KEY, TEST_API_KEY_SHA256, TEST_BINDINGS } from "./fixtures/test-config.ts";

const hex = (text: string) =>
  Uint8Array.from(text.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

describe("merchant API keys", () => {
  it("accepts only a key whose SHA-256 is listed", async () => {
    const hashes = [hex("00".repeat(32)), hex(TEST_API_KEY_SHA256)];
    expect(await matchesApiKeyHash(TEST_API_KEY, hashes)).toBe(true);
    expect(await matchesApiKeyHash(`${TEST_API_KEY}x`, hashes)).toBe(false);
    expect(await matchesApiKeyHash(TEST_API_KEY, [])).toBe(false);
  });
});

describe("status tokens", () => {
  it("verify for their payment only", async () => {
    const secret = "s".repeat(32);
    const token = await createStatusToken(secret, "oc1");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyStatusToken(secret, "oc1", token)).toBe(true);
    expect(await verifyStatusToken(secret, "oc2", token)).toBe(false);
    expect(await verifyStatusToken("t".repeat(32), "oc1", token)).toBe(false);
    expect(await verifyStatusToken(secret, "oc1", "not base64url!")).toBe(false);
  });
});

describe("Idempotency-Key", () => {
  it("maps one key to one payment request id", async () => {
    const a = await paymentRequestIdForKey("order-7");
    expect(a).toMatch(/^ik[0-9a-f]{32}$/);
    expect(await paymentRequestIdForKey("order-7")).toBe(a);
    expect(await paymentRequestIdForKey("order-8")).not.toBe(a);
  });

  it("refuses keys with spaces or over 255 characters", async () => {
    await expect(paymentRequestIdForKey("a b")).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(paymentRequestIdForKey("k".repeat(256))).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });
});

describe("loadConfig", () => {
  const env = (overrides: Record<string, string>) =>
    ({ ...TEST_BINDINGS, ...overrides }) as unknown as Env;

  it("reads stores, merchant, keys and limits", () => {
    const config = loadConfig(env({}));
    expect(config.stores.get("test-store")).toStrictEqual({
      id: "test-store",
      name: "Test Store",
      mcc: "5812",
      currency: "USD",
      maxOrderValue: "100000",
      entryCode: { minValue: "100", maxValue: "50000" },
    });
    expect(config.entryRateLimit).toStrictEqual({ burst: 3, refillSeconds: 60 });
    expect(config.apiKeyHashes).toStrictEqual([hex(TEST_API_KEY_SHA256)]);
    expect(config.publicBaseUrl).toBe("https://worker.ams-edge.test");
  });

  it.each([
    [
      { AMS_PRIVATE_KEY: "" },
      "the Worker is misconfigured: AMS_PRIVATE_KEY is not set; add it to .dev.vars locally or with `wrangler secret put` (see packages/worker/README.md)",
    ],
    [
      { API_KEY_HASHES: "abc" },
      "the Worker is misconfigured: API_KEY_HASHES must list SHA-256 digests as 64 hex characters, comma-separated",
    ],
    [
      { STATUS_TOKEN_SECRET: "short" },
      "the Worker is misconfigured: STATUS_TOKEN_SECRET must be at least 32 characters of random data",
    ],
    [
      { STORES: "{" },
      "the Worker is misconfigured: STORES must be JSON (see packages/worker/README.md for its shape)",
    ],
    [
      { STORES: '{"s":{"name":"S","mcc":"58","currency":"USD"}}' },
      'the Worker is misconfigured: STORES is not valid at "s.mcc": a 4-digit merchant category code',
    ],
    [
      {
        STORES:
          '{"s":{"name":"S","mcc":"5812","currency":"USD","entryCode":{"minValue":"1","maxValue":"9","returnPath":"//evil.example/x"}}}',
      },
      'the Worker is misconfigured: STORES is not valid at "s.entryCode.returnPath": a path on the Worker\'s origin such as "/entry/:storeId" (no query, no fragment)',
    ],
    [
      {
        STORES:
          '{"s":{"name":"S","mcc":"5812","currency":"USD","entryCode":{"minValue":"1","maxValue":"9","returnPath":"/entry/:storeId?x=1"}}}',
      },
      'the Worker is misconfigured: STORES is not valid at "s.entryCode.returnPath": a path on the Worker\'s origin such as "/entry/:storeId" (no query, no fragment)',
    ],
    [
      { ENTRY_RATE_LIMIT: "often" },
      'the Worker is misconfigured: ENTRY_RATE_LIMIT must be "<burst>/<seconds per token>", e.g. "5/12"',
    ],
    [
      { PUBLIC_BASE_URL: "ftp://x" },
      "the Worker is misconfigured: PUBLIC_BASE_URL must use https (or http for local development)",
    ],
  ])("names the variable that is wrong: %j", (overrides, message) => {
    expect(() => loadConfig(env(overrides))).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", message }),
    );
  });
});

describe("entryReturnUrl", () => {
  const store = {
    id: "shop_1",
    name: "Shop",
    mcc: "5812",
    currency: "USD",
    entryCode: { minValue: "1", maxValue: "9" },
  };

  it("returns to the Worker's own page by default, with the payment and its token", () => {
    expect(entryReturnUrl("https://pay.example.com", store, "ec1", "t-_1")).toBe(
      "https://pay.example.com/pay/shop_1?payment=ec1&token=t-_1",
    );
  });

  it("uses the store's returnPath, with every :storeId replaced", () => {
    const custom = {
      ...store,
      entryCode: { ...store.entryCode, returnPath: "/shops/:storeId/entry/:storeId" },
    };
    expect(entryReturnUrl("http://127.0.0.1:8787", custom, "ec2", "tok")).toBe(
      "http://127.0.0.1:8787/shops/shop_1/entry/shop_1?payment=ec2&token=tok",
    );
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField(null)).toBe("");
    expect(csvLine(["a", null, "b\nc"])).toBe('a,,"b\nc"\r\n');
  });
});

describe("list cursors", () => {
  it("round-trip and refuse anything else", () => {
    const cursor = { createdAt: "2026-11-20T10:00:00.000Z", paymentRequestId: "oc1" };
    expect(decodeCursor(encodeCursor(cursor))).toStrictEqual(cursor);
    expect(() => decodeCursor("e30")).toThrow(expect.objectContaining({ code: "INVALID_CURSOR" }));
  });
});

describe("token bucket", () => {
  const limit = { burst: 2, refillSeconds: 10 };
  it("allows the burst, then one token per refill period", () => {
    const a = takeToken(undefined, limit, 0);
    const b = takeToken(a.bucket, limit, 0);
    const c = takeToken(b.bucket, limit, 0);
    expect([a.allowed, b.allowed, c.allowed, c.retryAfterSeconds]).toStrictEqual([
      true,
      true,
      false,
      10,
    ]);
    const d = takeToken(c.bucket, limit, 5_000);
    expect([d.allowed, d.retryAfterSeconds]).toStrictEqual([false, 5]);
    expect(takeToken(d.bucket, limit, 10_000).allowed).toBe(true);
  });
});
