import { describe, expect, it } from "vitest";
import { payment } from "../testing/fixtures.ts";
import { isPaymentView } from "./payment-view.ts";

describe("isPaymentView", () => {
  it("accepts a view with an id, a known status, minor units and a version", () => {
    expect(isPaymentView(payment)).toBe(true);
    expect(isPaymentView({ ...payment, futureField: 1 })).toBe(true);
  });

  it("refuses what the hooks could not show", () => {
    expect(isPaymentView(null)).toBe(false);
    expect(isPaymentView({ ...payment, status: "refunded" })).toBe(false);
    expect(isPaymentView({ ...payment, amount: { currency: "USD", value: "5.99" } })).toBe(false);
    expect(isPaymentView({ ...payment, amount: { currency: "USD", value: 599 } })).toBe(false);
    expect(isPaymentView({ ...payment, version: "1" })).toBe(false);
  });
});
