import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { NotificationSchema } from "../schemas/index.ts";
import { notificationMeaning } from "./notification-event.ts";

const AT = 1_768_478_400_000;

const parse = (body: unknown) => v.parse(NotificationSchema, body);

const paymentResult = {
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
  paymentRequestId: "test-order-1",
  paymentId: "test-payment-1",
  paymentAmount: { currency: "USD", value: "599" },
  paymentTime: "2026-01-15T12:03:00Z",
  somethingNew: { deeply: { nested: [1, 2, 3] } },
};

describe("notificationMeaning", () => {
  test("a PAYMENT_RESULT becomes the state machine's notification event", () => {
    expect(notificationMeaning(parse(paymentResult), AT)).toStrictEqual({
      kind: "payment",
      paymentRequestId: "test-order-1",
      event: {
        type: "notification",
        at: AT,
        paymentRequestId: "test-order-1",
        paymentId: "test-payment-1",
        resultStatus: "S",
        resultCode: "SUCCESS",
        paymentAmount: { currency: "USD", value: "599" },
        paymentTime: "2026-01-15T12:03:00Z",
      },
    });
  });

  test("the event is plain data with no field of the body it does not model", () => {
    const meaning = notificationMeaning(parse(paymentResult), AT);
    expect(JSON.parse(JSON.stringify(meaning))).toStrictEqual(meaning);
    expect(JSON.stringify(meaning)).not.toContain("somethingNew");
  });

  test.each([
    ["a U result", { ...paymentResult, result: { resultCode: "PROCESSING", resultStatus: "U" } }],
    ["no amount", { ...paymentResult, paymentAmount: undefined }],
    ["an empty result code", { ...paymentResult, result: { resultCode: "", resultStatus: "S" } }],
  ])("a PAYMENT_RESULT with %s names its payment but carries no event", (_, body) => {
    expect(notificationMeaning(parse(body), AT)).toStrictEqual({
      kind: "payment",
      paymentRequestId: "test-order-1",
      event: null,
    });
  });

  test("a REFUND_RESULT becomes a refund notice, its status from refundStatus first", () => {
    const body = {
      notifyType: "REFUND_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S" },
      refundStatus: "FAIL",
      refundRequestId: "test-order-1_r1",
      refundAmount: { currency: "USD", value: "100" },
    };
    expect(notificationMeaning(parse(body), AT)).toStrictEqual({
      kind: "refund",
      notice: {
        refundRequestId: "test-order-1_r1",
        status: "F",
        resultCode: "SUCCESS",
        refundAmount: { currency: "USD", value: "100" },
      },
    });
    const { refundStatus: _, refundAmount: __, ...bare } = body;
    expect(notificationMeaning(parse(bare), AT)).toStrictEqual({
      kind: "refund",
      notice: {
        refundRequestId: "test-order-1_r1",
        status: "S",
        resultCode: "SUCCESS",
        refundAmount: null,
      },
    });
  });

  test("a REFUND_RESULT without a refund id, and any other type, are other", () => {
    const refund = { notifyType: "REFUND_RESULT", result: { resultCode: "X", resultStatus: "F" } };
    expect(notificationMeaning(parse(refund), AT)).toStrictEqual({
      kind: "other",
      notifyType: "REFUND_RESULT",
      paymentRequestId: null,
    });
    expect(
      notificationMeaning(parse({ notifyType: "DISPUTE", paymentRequestId: "p-1" }), AT),
    ).toStrictEqual({ kind: "other", notifyType: "DISPUTE", paymentRequestId: "p-1" });
  });
});
