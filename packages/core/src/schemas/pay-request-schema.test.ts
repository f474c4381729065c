import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  EntryCodePayRequestSchema,
  OrderCodePayRequestSchema,
  PayRequestSchema,
} from "./pay-request-schema.ts";

const ORDER_CODE = {
  productCode: "IN_STORE_PAYMENT",
  paymentRequestId: "pay_0001",
  paymentAmount: { currency: "USD", value: "599" },
  paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
  paymentFactor: { inStorePaymentScenario: "OrderCode" },
  order: {
    referenceOrderId: "order-1",
    orderDescription: "Flat white",
    orderAmount: { currency: "USD", value: "599" },
    merchant: {
      referenceMerchantId: "M1",
      merchantMCC: "5812",
      merchantName: "Cafe",
      store: { referenceStoreId: "S1", storeName: "Main St", storeMCC: "5812" },
    },
  },
  paymentNotifyUrl: "https://shop.example/alipay/notify",
  paymentExpiryTime: "2024-01-15T09:44:00+08:00",
};

const ENTRY_CODE = {
  ...ORDER_CODE,
  paymentFactor: { inStorePaymentScenario: "EntryCode" },
  order: { ...ORDER_CODE.order, env: { userAgent: "Mozilla/5.0 AlipayClient/10.5.0" } },
  paymentRedirectUrl: "https://shop.example/done",
};

/** Each issue as [dotted path, message]. */
function issuesOf(schema: v.GenericSchema, value: unknown): [string | null, string][] {
  const result = v.safeParse(schema, value);
  return (result.issues ?? []).map((issue) => [v.getDotPath(issue), issue.message]);
}

function withPath(base: object, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let node = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe("PayRequestSchema", () => {
  it("accepts an Order Code and an Entry Code request unchanged", () => {
    expect(v.parse(PayRequestSchema, ORDER_CODE)).toStrictEqual(ORDER_CODE);
    expect(v.parse(PayRequestSchema, ENTRY_CODE)).toStrictEqual(ENTRY_CODE);
  });

  it("names an unknown key with its path", () => {
    expect(
      issuesOf(PayRequestSchema, withPath(ORDER_CODE, "paymentExpireTime", "x")),
    ).toStrictEqual([
      ["paymentExpireTime", 'Invalid key: Expected never but received "paymentExpireTime"'],
    ]);
    expect(
      issuesOf(PayRequestSchema, withPath(ORDER_CODE, "order.merchant.merchantMcc", "1")),
    ).toStrictEqual([
      ["order.merchant.merchantMcc", 'Invalid key: Expected never but received "merchantMcc"'],
    ]);
  });

  it("refuses the scenario in any other case", () => {
    expect(
      issuesOf(
        PayRequestSchema,
        withPath(ORDER_CODE, "paymentFactor.inStorePaymentScenario", "ORDERCODE"),
      ),
    ).toStrictEqual([
      [
        "paymentFactor",
        'Expected paymentFactor to be exactly { "inStorePaymentScenario": "OrderCode" } or { "inStorePaymentScenario": "EntryCode" }',
      ],
    ]);
  });

  it("requires order.env.userAgent for Entry Code only", () => {
    expect(issuesOf(PayRequestSchema, withPath(ENTRY_CODE, "order.env", undefined))).toStrictEqual([
      ["order.env", 'Invalid key: Expected "env" but received undefined'],
    ]);
    expect(
      issuesOf(PayRequestSchema, withPath(ENTRY_CODE, "order.env.userAgent", "")),
    ).toStrictEqual([["order.env.userAgent", "Expected a non-empty string"]]);
    expect(v.is(OrderCodePayRequestSchema, ORDER_CODE)).toBe(true);
  });

  it("does not take paymentRedirectUrl on an Order Code request", () => {
    expect(
      issuesOf(PayRequestSchema, withPath(ORDER_CODE, "paymentRedirectUrl", "https://x.example")),
    ).toStrictEqual([
      ["paymentRedirectUrl", 'Invalid key: Expected never but received "paymentRedirectUrl"'],
    ]);
  });

  it.each([
    ["paymentRequestId", "a".repeat(64), true],
    ["paymentRequestId", "a".repeat(65), false],
    ["paymentRequestId", "pay 1", false],
    ["paymentRequestId", "pay.1", false],
    ["paymentRequestId", "pay/1", false],
    ["paymentRequestId", "päy", false],
    ["paymentRequestId", "", false],
    ["order.referenceOrderId", "r".repeat(64), true],
    ["order.referenceOrderId", "r".repeat(65), false],
    ["order.orderDescription", "d".repeat(256), true],
    ["order.orderDescription", "d".repeat(257), false],
    ["paymentNotifyUrl", `https://x.example/${"n".repeat(2048 - 18)}`, true],
    ["paymentNotifyUrl", `https://x.example/${"n".repeat(2049 - 18)}`, false],
    ["paymentNotifyUrl", undefined, false],
    ["paymentExpiryTime", "2024-01-15T09:44:00Z", true],
    ["paymentExpiryTime", "2024-01-15T09:44:00.123-05:00", true],
    ["paymentExpiryTime", "2024-01-15T09:44:00", false],
    ["paymentExpiryTime", "2024-01-15 09:44:00 +08:00", false],
    ["paymentExpiryTime", "2024-13-45T09:44:00+08:00", false],
    ["paymentAmount.value", "0599", false],
    ["paymentAmount.value", "5.99", false],
    ["paymentAmount.value", 599, false],
    ["paymentAmount.currency", "usd", false],
    ["order.orderAmount", undefined, false],
    ["order.merchant.store.storeMCC", undefined, true],
    ["order.merchant.merchantMCC", undefined, false],
  ])("%s = %j is accepted: %s", (path, value, ok) => {
    expect(v.is(PayRequestSchema, withPath(ORDER_CODE, path, value))).toBe(ok);
  });

  it("checks the same limits on Entry Code", () => {
    expect(
      v.is(EntryCodePayRequestSchema, withPath(ENTRY_CODE, "paymentRequestId", "a".repeat(65))),
    ).toBe(false);
    expect(
      v.is(EntryCodePayRequestSchema, withPath(ENTRY_CODE, "paymentRedirectUrl", "u".repeat(2049))),
    ).toBe(false);
  });
});
