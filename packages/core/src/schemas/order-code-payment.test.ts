import { describe, expect, it } from "vitest";
import { orderCodePayment } from "./order-code-payment.ts";
import type { OrderCodePaymentParams } from "./payment-params.ts";
import { RequestError } from "./request-error.ts";

const NOW = Date.parse("2024-01-15T01:30:00Z");

const PARAMS: OrderCodePaymentParams = {
  paymentRequestId: "pay_20240115_0001",
  paymentAmount: { currency: "USD", value: "599" },
  orderDescription: "Flat white",
  merchant: {
    referenceMerchantId: "M1",
    merchantMCC: "5812",
    merchantName: "Cafe",
    store: { referenceStoreId: "S1", storeName: "Main St", storeMCC: "5812" },
  },
  paymentNotifyUrl: "https://shop.example/alipay/notify",
};

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

describe("orderCodePayment", () => {
  it("fills the constant parts and defaults orderAmount to paymentAmount", () => {
    expect(orderCodePayment(PARAMS)).toStrictEqual({
      productCode: "IN_STORE_PAYMENT",
      paymentRequestId: "pay_20240115_0001",
      paymentAmount: { currency: "USD", value: "599" },
      paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
      paymentFactor: { inStorePaymentScenario: "OrderCode" },
      order: {
        orderDescription: "Flat white",
        orderAmount: { currency: "USD", value: "599" },
        merchant: PARAMS.merchant,
      },
      paymentNotifyUrl: "https://shop.example/alipay/notify",
    });
  });

  it("keeps an explicit orderAmount and referenceOrderId", () => {
    const request = orderCodePayment({
      ...PARAMS,
      referenceOrderId: "order-7",
      orderAmount: { currency: "USD", value: "699" },
    });
    expect(request.order.referenceOrderId).toBe("order-7");
    expect(request.order.orderAmount).toStrictEqual({ currency: "USD", value: "699" });
  });

  it("writes a Date expiry in UTC to the second, with an offset", () => {
    const request = orderCodePayment(
      { ...PARAMS, paymentExpiryTime: new Date(NOW + 14 * 60_000 + 999) },
      { now: NOW },
    );
    expect(request.paymentExpiryTime).toBe("2024-01-15T01:44:00+00:00");
  });

  it("sends an ISO string expiry unchanged", () => {
    const request = orderCodePayment(
      { ...PARAMS, paymentExpiryTime: "2024-01-15T09:44:00+08:00" },
      { now: new Date(NOW) },
    );
    expect(request.paymentExpiryTime).toBe("2024-01-15T09:44:00+08:00");
  });

  it("accepts an expiry just under 30 minutes ahead and refuses 30 minutes or more", () => {
    const almost = new Date(NOW + 30 * 60_000 - 1000);
    expect(
      orderCodePayment({ ...PARAMS, paymentExpiryTime: almost }, { now: NOW }).paymentExpiryTime,
    ).toBe("2024-01-15T01:59:59+00:00");
    const error = requestErrorOf(() =>
      orderCodePayment({ ...PARAMS, paymentExpiryTime: "2024-01-15T10:00:00+08:00" }, { now: NOW }),
    );
    expect([error.code, error.path, error.message]).toStrictEqual([
      "EXPIRY_TOO_FAR",
      "paymentExpiryTime",
      "Expected paymentExpiryTime less than 30 minutes ahead; 2024-01-15T10:00:00+08:00 is 1800 s ahead.",
    ]);
  });

  it("refuses an expiry that is not after now", () => {
    const error = requestErrorOf(() =>
      orderCodePayment({ ...PARAMS, paymentExpiryTime: new Date(NOW) }, { now: NOW }),
    );
    expect([error.code, error.path]).toStrictEqual(["EXPIRY_NOT_IN_FUTURE", "paymentExpiryTime"]);
  });

  it.each([
    ["2024-01-15T09:44:00", '"2024-01-15T09:44:00"'],
    ["tomorrow", '"tomorrow"'],
    [new Date(Number.NaN), "an invalid Date"],
  ])("refuses the expiry %s", (expiry, seen) => {
    const error = requestErrorOf(() =>
      orderCodePayment({ ...PARAMS, paymentExpiryTime: expiry }, { now: NOW }),
    );
    expect([error.code, error.path, error.message]).toStrictEqual([
      "EXPIRY_INVALID",
      "paymentExpiryTime",
      `Expected paymentExpiryTime as a valid Date or an ISO 8601 string with an offset; got ${seen}.`,
    ]);
  });

  it.each([
    [
      "a".repeat(65),
      "REQUEST_ID_TOO_LONG",
      "Expected a paymentRequestId of at most 64 characters; got 65.",
    ],
    [
      "pay#1",
      "REQUEST_ID_INVALID_CHARACTERS",
      `Expected only letters, digits, '_' and '-' in paymentRequestId; got "#" at index 3.`,
    ],
    [
      "pay 1",
      "REQUEST_ID_INVALID_CHARACTERS",
      `Expected only letters, digits, '_' and '-' in paymentRequestId; got " " at index 3.`,
    ],
    ["", "REQUEST_ID_EMPTY", "Expected a paymentRequestId; got an empty string."],
  ])("refuses the request id %j", (paymentRequestId, code, message) => {
    const error = requestErrorOf(() => orderCodePayment({ ...PARAMS, paymentRequestId }));
    expect([error.code, error.path, error.message]).toStrictEqual([
      code,
      "paymentRequestId",
      message,
    ]);
  });

  it("accepts a 64-character id of letters, digits, _ and -", () => {
    const id = `${"Ab9_-".repeat(12)}abcd`;
    expect(orderCodePayment({ ...PARAMS, paymentRequestId: id }).paymentRequestId).toBe(id);
  });

  it("turns any schema issue into REQUEST_INVALID with the wire path and the issues", () => {
    const error = requestErrorOf(() =>
      orderCodePayment({ ...PARAMS, orderDescription: "d".repeat(257) }),
    );
    expect([error.code, error.path, error.message, error.issues.length]).toStrictEqual([
      "REQUEST_INVALID",
      "order.orderDescription",
      "Invalid pay request at order.orderDescription: Invalid length: Expected <=256 but received 257",
      1,
    ]);
  });

  it("throws a TypeError when called without params", () => {
    expect(() => orderCodePayment(null as unknown as OrderCodePaymentParams)).toThrow(TypeError);
  });
});
