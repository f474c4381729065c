import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { FINAL_STATUSES, isFinalStatus } from "../payment/payment-state.ts";
import { entryCodeView, orderCodeView } from "./fixtures/views.ts";
import { PAYMENT_STATUSES } from "./payment-status.ts";
import {
  CreatedPaymentSchema,
  PaymentViewSchema,
  PaymentViewStatusSchema,
} from "./payment-view.ts";

const messages = (result: v.SafeParseResult<v.GenericSchema>) =>
  result.issues?.map((issue) => [v.getDotPath(issue), issue.message]) ?? [];

describe("PAYMENT_STATUSES", () => {
  it("lists the state machine's statuses: two open, then the final ones", () => {
    expect(PAYMENT_STATUSES).toStrictEqual([
      "creating",
      "awaiting_payment",
      "succeeded",
      "failed",
      "cancelled",
      "expired",
      "reversed",
      "mismatch",
    ]);
    expect(PAYMENT_STATUSES.filter(isFinalStatus)).toStrictEqual([...FINAL_STATUSES]);
  });

  it("is what the status schema accepts", () => {
    expect(PAYMENT_STATUSES.map((status) => v.is(PaymentViewStatusSchema, status))).toStrictEqual(
      PAYMENT_STATUSES.map(() => true),
    );
    expect(v.is(PaymentViewStatusSchema, "SUCCESS")).toBe(false);
  });
});

describe("PaymentViewSchema", () => {
  it("accepts the Worker's views as they are", () => {
    expect(v.parse(PaymentViewSchema, orderCodeView)).toStrictEqual(orderCodeView);
    expect(v.parse(PaymentViewSchema, entryCodeView)).toStrictEqual(entryCodeView);
  });

  it("keeps fields it does not know, at every level", () => {
    const newer = {
      ...orderCodeView,
      tip: { currency: "USD", value: "50" },
      amount: { ...orderCodeView.amount, display: "$5.99" },
      code: { ...orderCodeView.code, format: "png" },
      refunds: [{ ...orderCodeView.refunds?.[0], channel: "till" }],
    };
    expect(v.parse(PaymentViewSchema, newer)).toStrictEqual(newer);
  });

  it("refuses views that break the rules, saying where and why", () => {
    const bad = {
      ...orderCodeView,
      status: "paid",
      amount: { currency: "usd", value: "5.99" },
      createdAt: "2026-12-05 19:40",
      version: -1,
    };
    expect(messages(v.safeParse(PaymentViewSchema, bad))).toStrictEqual([
      [
        "status",
        'Invalid type: Expected ("creating" | "awaiting_payment" | "succeeded" | "failed" | "cancelled" | "expired" | "reversed" | "mismatch") but received "paid"',
      ],
      ["amount.currency", 'expected an ISO 4217 code such as "USD"'],
      ["amount.value", 'expected minor units as a string of digits, e.g. "599"'],
      ["createdAt", "expected a UTC time such as 2026-12-05T20:09:11.000Z"],
      ["version", "Invalid value: Expected >=0 but received -1"],
    ]);
  });

  it("requires the refunded total and every field of a refund", () => {
    const { refunded: _, ...withoutTotal } = orderCodeView;
    expect(messages(v.safeParse(PaymentViewSchema, withoutTotal))).toStrictEqual([
      ["refunded", 'Invalid key: Expected "refunded" but received undefined'],
    ]);
    const refunds = [{ refundRequestId: "r1", status: "refunded", amount: orderCodeView.amount }];
    expect(messages(v.safeParse(PaymentViewSchema, { ...orderCodeView, refunds }))).toStrictEqual([
      [
        "refunds.0.status",
        'Invalid type: Expected ("processing" | "succeeded" | "failed") but received "refunded"',
      ],
    ]);
  });
});

describe("CreatedPaymentSchema", () => {
  it("is a view with its status token", () => {
    const created = { ...entryCodeView, statusToken: "eyJ.test.token" };
    expect(v.parse(CreatedPaymentSchema, created)).toStrictEqual(created);
    expect(messages(v.safeParse(CreatedPaymentSchema, entryCodeView))).toStrictEqual([
      ["statusToken", 'Invalid key: Expected "statusToken" but received undefined'],
    ]);
  });
});
