import { describe, expect, it } from "vitest";
import { AMS_ENDPOINTS, endpointPath } from "./endpoints.ts";

describe("endpointPath", () => {
  it("uses the live paths for an ordinary client id", () => {
    expect(
      Object.keys(AMS_ENDPOINTS).map((op) =>
        endpointPath("2188120000000000", op as keyof typeof AMS_ENDPOINTS),
      ),
    ).toStrictEqual([
      "/ams/api/v1/payments/pay",
      "/ams/api/v1/payments/inquiryPayment",
      "/ams/api/v1/payments/cancel",
      "/ams/api/v1/payments/refund",
      "/ams/api/v1/payments/inquiryRefund",
    ]);
  });

  it("uses /ams/sandbox/api/ for a client id starting with SANDBOX_", () => {
    expect(endpointPath("SANDBOX_5Y3A2N2YEB", "pay")).toBe("/ams/sandbox/api/v1/payments/pay");
    expect(endpointPath("SANDBOX_5Y3A2N2YEB", "inquiryRefund")).toBe(
      "/ams/sandbox/api/v1/payments/inquiryRefund",
    );
  });

  it("matches the prefix exactly (case and position)", () => {
    expect(endpointPath("sandbox_5Y3A", "pay")).toBe("/ams/api/v1/payments/pay");
    expect(endpointPath("X_SANDBOX_5Y3A", "pay")).toBe("/ams/api/v1/payments/pay");
  });
});
