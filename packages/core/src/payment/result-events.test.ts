import { describe, expect, test } from "vitest";
import {
  toCancelEvent,
  toInquiryEvent,
  toNotificationEvent,
  toPayEvent,
  toTransportErrorEvent,
} from "./result-events.ts";

const AT = 1_768_478_400_000;
const base = { resultMessage: "success", rawBody: "{}", httpStatus: 200 };

describe("toPayEvent", () => {
  test("takes the TEXT code of an Order Code answer", () => {
    const event = toPayEvent(
      {
        ...base,
        status: "S",
        resultCode: "SUCCESS",
        data: {
          paymentRequestId: "test-order-1",
          paymentId: "test-payment-1",
          orderCodeForm: {
            expireTime: "2026-01-15T12:10:00Z",
            codeDetails: [
              { codeValueType: "BARCODE", codeValue: "281234", displayType: "BIGIMAGE" },
              {
                codeValueType: "QRCODE",
                codeValue: "https://gqr.alipay.com/test",
                displayType: "TEXT",
              },
            ],
          },
        },
      },
      AT,
    );
    expect(event).toStrictEqual({
      type: "pay_result",
      at: AT,
      status: "S",
      resultCode: "SUCCESS",
      paymentRequestId: "test-order-1",
      paymentId: "test-payment-1",
      code: {
        value: "https://gqr.alipay.com/test",
        type: "QRCODE",
        expiresAt: Date.parse("2026-01-15T12:10:00Z"),
      },
      redirectUrl: null,
    });
  });

  test("takes the redirect URL of an Entry Code answer, or a top-level URL", () => {
    const form = toPayEvent(
      {
        status: "S",
        resultCode: "SUCCESS",
        data: { redirectActionForm: { method: "GET", redirectUrl: "alipays://a" } },
      },
      AT,
    );
    expect(form.redirectUrl).toBe("alipays://a");
    const plain = toPayEvent(
      { status: "S", resultCode: "SUCCESS", data: { schemeUrl: "alipays://b" } },
      AT,
    );
    expect(plain.redirectUrl).toBe("alipays://b");
    expect(plain.code).toBeNull();
  });

  test("keeps an F or U answer as it is", () => {
    expect(
      toPayEvent({ status: "U", resultCode: "PAYMENT_IN_PROCESS", data: {} }, AT),
    ).toStrictEqual({
      type: "pay_result",
      at: AT,
      status: "U",
      resultCode: "PAYMENT_IN_PROCESS",
      paymentId: null,
      code: null,
      redirectUrl: null,
    });
  });
});

describe("toInquiryEvent", () => {
  test("reads status, amount, codes and time", () => {
    const event = toInquiryEvent(
      {
        status: "S",
        resultCode: "SUCCESS",
        data: {
          paymentRequestId: "test-order-1",
          paymentId: "test-payment-1",
          paymentStatus: "SUCCESS",
          paymentAmount: { currency: "USD", value: "599" },
          paymentTime: "2026-01-15T12:03:00Z",
        },
      },
      AT,
    );
    expect(event).toStrictEqual({
      type: "inquiry_result",
      at: AT,
      resultStatus: "S",
      resultCode: "SUCCESS",
      paymentRequestId: "test-order-1",
      paymentId: "test-payment-1",
      paymentAmount: { currency: "USD", value: "599" },
      paymentResultCode: null,
      paymentTime: "2026-01-15T12:03:00Z",
      paymentStatus: "SUCCESS",
    });
  });

  test("drops an unknown paymentStatus and a malformed amount", () => {
    const event = toInquiryEvent(
      {
        status: "S",
        resultCode: "SUCCESS",
        data: { paymentStatus: "PAID", paymentAmount: { value: 599 } },
      },
      AT,
    );
    expect(event.paymentStatus).toBeUndefined();
    expect(event.paymentAmount).toBeNull();
  });
});

describe("toCancelEvent and toTransportErrorEvent", () => {
  test("map answers and thrown errors", () => {
    expect(
      toCancelEvent({ status: "F", resultCode: "CANCEL_WINDOW_EXCEED", data: null }, AT),
    ).toStrictEqual({
      type: "cancel_result",
      at: AT,
      resultStatus: "F",
      resultCode: "CANCEL_WINDOW_EXCEED",
      paymentId: null,
    });
    const timeout = Object.assign(new Error("timed out"), { code: "TIMEOUT" });
    expect(toTransportErrorEvent("pay", timeout, AT)).toStrictEqual({
      type: "pay_error",
      at: AT,
      errorCode: "TIMEOUT",
    });
    expect(toTransportErrorEvent("inquiry", new Error("boom"), AT)).toStrictEqual({
      type: "inquiry_result",
      at: AT,
      resultStatus: "U",
      resultCode: "UNKNOWN_ERROR",
    });
    expect(toTransportErrorEvent("cancel", "offline", AT)).toStrictEqual({
      type: "cancel_result",
      at: AT,
      resultStatus: "U",
      resultCode: "UNKNOWN_ERROR",
    });
  });
});

describe("toNotificationEvent", () => {
  const body = {
    notifyType: "PAYMENT_RESULT",
    result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
    paymentRequestId: "test-order-1",
    paymentId: "test-payment-1",
    paymentAmount: { currency: "USD", value: "599" },
    actualPaymentAmount: { currency: "USD", value: "599" },
    paymentCreateTime: "2026-01-15T12:00:00Z",
    paymentTime: "2026-01-15T12:03:00Z",
  };

  test("reads a PAYMENT_RESULT", () => {
    expect(toNotificationEvent(body, AT)).toStrictEqual({
      type: "notification",
      at: AT,
      paymentRequestId: "test-order-1",
      paymentId: "test-payment-1",
      resultStatus: "S",
      resultCode: "SUCCESS",
      paymentAmount: { currency: "USD", value: "599" },
      paymentTime: "2026-01-15T12:03:00Z",
    });
  });

  test.each([
    { ...body, notifyType: "REFUND_RESULT" },
    { ...body, result: { resultCode: "X", resultStatus: "U" } },
    { ...body, paymentAmount: undefined },
    { ...body, paymentRequestId: "" },
    null,
  ])("gives null for anything else (%#)", (other) => {
    expect(toNotificationEvent(other, AT)).toBeNull();
  });
});
