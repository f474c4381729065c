import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CancelRequestSchema } from "./cancel-schema.ts";
import { InquiryPaymentRequestSchema } from "./inquiry-payment-schema.ts";
import { InquiryRefundRequestSchema } from "./inquiry-refund-schema.ts";
import { RefundRequestSchema } from "./refund-schema.ts";

function issuesOf(schema: v.GenericSchema, value: unknown): [string | null, string][] {
  return (v.safeParse(schema, value).issues ?? []).map((issue) => [
    v.getDotPath(issue),
    issue.message,
  ]);
}

describe("inquiryPayment and cancel requests", () => {
  it.each([
    ["InquiryPaymentRequestSchema", InquiryPaymentRequestSchema],
    ["CancelRequestSchema", CancelRequestSchema],
  ])("%s takes either id and requires one", (_name, schema) => {
    expect(v.parse(schema, { paymentRequestId: "p1" })).toStrictEqual({ paymentRequestId: "p1" });
    expect(v.parse(schema, { paymentId: "2024011500001" })).toStrictEqual({
      paymentId: "2024011500001",
    });
    expect(issuesOf(schema, {})).toStrictEqual([[null, "Expected paymentRequestId or paymentId"]]);
    expect(issuesOf(schema, { paymentRequestId: "p1", extra: 1 })).toStrictEqual([
      ["extra", 'Invalid key: Expected never but received "extra"'],
    ]);
    expect(v.is(schema, { paymentRequestId: "p".repeat(65) })).toBe(false);
  });
});

describe("RefundRequestSchema", () => {
  const refund = {
    refundRequestId: "refund-1",
    paymentId: "2024011500001",
    refundAmount: { currency: "USD", value: "100" },
    refundReason: "returned",
    refundNotifyUrl: "https://shop.example/notify/refund",
  };

  it("accepts a whole refund and refuses unknown keys", () => {
    expect(v.parse(RefundRequestSchema, refund)).toStrictEqual(refund);
    expect(issuesOf(RefundRequestSchema, { ...refund, reason: "x" })).toStrictEqual([
      ["reason", 'Invalid key: Expected never but received "reason"'],
    ]);
  });

  it("limits refundRequestId to 64 characters", () => {
    expect(v.is(RefundRequestSchema, { ...refund, refundRequestId: "r".repeat(64) })).toBe(true);
    expect(v.is(RefundRequestSchema, { ...refund, refundRequestId: "r".repeat(65) })).toBe(false);
  });
});

describe("InquiryRefundRequestSchema", () => {
  it("takes either id and requires one", () => {
    expect(v.is(InquiryRefundRequestSchema, { refundRequestId: "r1" })).toBe(true);
    expect(v.is(InquiryRefundRequestSchema, { refundId: "r1" })).toBe(true);
    expect(issuesOf(InquiryRefundRequestSchema, {})).toStrictEqual([
      [null, "Expected refundRequestId or refundId"],
    ]);
  });
});
