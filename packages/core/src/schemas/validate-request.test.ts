import { describe, expect, it } from "vitest";
import { InquiryPaymentRequestSchema } from "./inquiry-payment-schema.ts";
import { RefundRequestSchema } from "./refund-schema.ts";
import { RequestError } from "./request-error.ts";
import { validateRequest } from "./validate-request.ts";

/** Runs `fn` and returns what it threw, failing if it did not throw a RequestError. */
function requestErrorOf(fn: () => unknown): RequestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("expected a RequestError");
}

const REFUND = {
  refundRequestId: "refund-1",
  paymentId: "2024011500001",
  refundAmount: { currency: "USD", value: "100" },
};

describe("validateRequest", () => {
  it("returns the parsed request when it is valid", () => {
    expect(validateRequest(RefundRequestSchema, REFUND, "refund")).toStrictEqual(REFUND);
  });

  it("names the operation and the wire path of the first issue", () => {
    const error = requestErrorOf(() =>
      validateRequest(
        RefundRequestSchema,
        { ...REFUND, refundAmount: { currency: "USD", value: "1.00" } },
        "refund",
      ),
    );
    expect([error.code, error.path, error.message, error.issues.length]).toStrictEqual([
      "REQUEST_INVALID",
      "refundAmount.value",
      'Invalid refund request at refundAmount.value: Expected minor units as a string of digits, e.g. "599"',
      1,
    ]);
  });

  it("says the root when the issue is about the whole request", () => {
    const error = requestErrorOf(() =>
      validateRequest(InquiryPaymentRequestSchema, {}, "inquiryPayment"),
    );
    expect([error.code, error.path, error.message]).toStrictEqual([
      "REQUEST_INVALID",
      "",
      "Invalid inquiryPayment request at the root: Expected paymentRequestId or paymentId",
    ]);
  });
});
