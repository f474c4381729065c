import type { PaymentView } from "@ams-edge/react-hooks";
import { describe, expect, it } from "vitest";
import { refundable } from "./refundable.ts";

const payment: PaymentView = {
  paymentRequestId: "oc1",
  paymentId: "p1",
  scenario: "OrderCode",
  status: "succeeded",
  amount: { currency: "USD", value: "730" },
  description: "Bagel",
  storeId: "demo-store",
  code: null,
  redirectUrl: null,
  resultCode: "SUCCESS",
  refunded: { currency: "USD", value: "0" },
  createdAt: "2026-11-20T10:00:00.000Z",
  updatedAt: "2026-11-20T10:01:00.000Z",
  expiresAt: "2026-11-20T10:10:00.000Z",
  version: 3,
};

describe("refundable", () => {
  it("is the amount less the refunded total", () => {
    expect(refundable({ ...payment, refunded: { currency: "USD", value: "0" } })).toStrictEqual({
      currency: "USD",
      value: "730",
    });
    expect(refundable({ ...payment, refunded: { currency: "USD", value: "230" } })).toStrictEqual({
      currency: "USD",
      value: "500",
    });
  });

  it("is zero once refunded in full (or more), hiding the Refund action", () => {
    expect(refundable({ ...payment, refunded: { currency: "USD", value: "730" } }).value).toBe("0");
    expect(refundable({ ...payment, refunded: { currency: "USD", value: "999" } }).value).toBe("0");
  });

  it("is the whole amount when the refunded total is in another currency", () => {
    expect(refundable({ ...payment, refunded: { currency: "EUR", value: "730" } }).value).toBe(
      "730",
    );
  });
});
