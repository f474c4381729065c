import { describe, expect, it } from "vitest";
import { toRefundErrorEvent, toRefundInquiryEvent, toRefundResultEvent } from "./refund-results.ts";

const usd = (value: string) => ({ currency: "USD", value });

describe("refund result events", () => {
  it("reads a refund answer, with the amount only for S", () => {
    expect(
      toRefundResultEvent(
        "oc1_a",
        { status: "S", resultCode: "SUCCESS", data: { refundAmount: usd("400") } },
        7,
      ),
    ).toStrictEqual({
      type: "refund_result",
      at: 7,
      refundRequestId: "oc1_a",
      status: "S",
      resultCode: "SUCCESS",
      refundAmount: usd("400"),
    });
    expect(
      toRefundResultEvent(
        "oc1_a",
        { status: "F", resultCode: "REPEAT_REQ_INCONSISTENT", data: {} },
        7,
      ),
    ).toMatchObject({ status: "F", resultCode: "REPEAT_REQ_INCONSISTENT", refundAmount: null });
  });

  it("reads an inquiry: refundStatus, ORDER_NOT_EXIST, or unknown", () => {
    const read = (status: "S" | "F" | "U", resultCode: string, data: unknown) =>
      toRefundInquiryEvent("oc1_a", { status, resultCode, data }, 9);
    expect(read("S", "SUCCESS", { refundStatus: "SUCCESS", refundAmount: usd("1") })).toStrictEqual(
      {
        type: "refund_inquiry_result",
        at: 9,
        refundRequestId: "oc1_a",
        observation: "SUCCESS",
        resultCode: "SUCCESS",
        refundAmount: usd("1"),
      },
    );
    expect(
      [
        read("S", "SUCCESS", { refundStatus: "FAIL" }),
        read("S", "SUCCESS", { refundStatus: "PROCESSING" }),
        read("S", "SUCCESS", {}),
        read("F", "ORDER_NOT_EXIST", {}),
        read("F", "ACCESS_DENIED", {}),
        read("U", "UNKNOWN_EXCEPTION", {}),
      ].map((e) => e.observation),
    ).toStrictEqual(["FAIL", "PROCESSING", "UNKNOWN", "ORDER_NOT_EXIST", "UNKNOWN", "UNKNOWN"]);
  });

  it("turns a thrown call into an unknown outcome with the client's code", () => {
    expect(toRefundErrorEvent("refund", "oc1_a", { code: "TIMEOUT" }, 3)).toStrictEqual({
      type: "refund_result",
      at: 3,
      refundRequestId: "oc1_a",
      status: "U",
      resultCode: "TIMEOUT",
      refundAmount: null,
    });
    expect(toRefundErrorEvent("inquiryRefund", "oc1_a", new Error("x"), 3)).toMatchObject({
      observation: "UNKNOWN",
      resultCode: "UNKNOWN_ERROR",
    });
  });
});
