import { describe, expect, it } from "vitest";
import { entryCodePayment } from "./entry-code-payment.ts";
import type { EntryCodePaymentParams } from "./payment-params.ts";
import { RequestError } from "./request-error.ts";

const PARAMS: EntryCodePaymentParams = {
  paymentRequestId: "pay-entry-1",
  paymentAmount: { currency: "HKD", value: "4500" },
  orderDescription: "Coffee",
  merchant: {
    referenceMerchantId: "M1",
    merchantMCC: "5812",
    merchantName: "Cafe",
    store: { referenceStoreId: "S1", storeName: "Mong Kok" },
  },
  paymentNotifyUrl: "https://shop.example/alipay/notify",
  userAgent: "Mozilla/5.0 (iPhone) AlipayClient/10.5.0",
};

function requestErrorOf(fn: () => unknown): RequestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("expected a RequestError");
}

describe("entryCodePayment", () => {
  it("fills the constant parts and puts the user agent in order.env", () => {
    expect(
      entryCodePayment(
        {
          ...PARAMS,
          paymentRedirectUrl: "https://shop.example/pay/S1/done",
          paymentExpiryTime: "2024-01-15T09:40:00+08:00",
        },
        { now: Date.parse("2024-01-15T01:30:00Z") },
      ),
    ).toStrictEqual({
      productCode: "IN_STORE_PAYMENT",
      paymentRequestId: "pay-entry-1",
      paymentAmount: { currency: "HKD", value: "4500" },
      paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
      paymentFactor: { inStorePaymentScenario: "EntryCode" },
      order: {
        orderDescription: "Coffee",
        orderAmount: { currency: "HKD", value: "4500" },
        merchant: PARAMS.merchant,
        env: { userAgent: "Mozilla/5.0 (iPhone) AlipayClient/10.5.0" },
      },
      paymentNotifyUrl: "https://shop.example/alipay/notify",
      paymentRedirectUrl: "https://shop.example/pay/S1/done",
      paymentExpiryTime: "2024-01-15T09:40:00+08:00",
    });
  });

  it("does not need paymentRedirectUrl (the provider's own examples leave it out)", () => {
    expect("paymentRedirectUrl" in entryCodePayment(PARAMS)).toBe(false);
  });

  it.each([[""], ["   "], [undefined]])("refuses the user agent %j", (userAgent) => {
    const error = requestErrorOf(() =>
      entryCodePayment({ ...PARAMS, userAgent } as unknown as EntryCodePaymentParams),
    );
    expect([error.code, error.path, error.hint]).toStrictEqual([
      "USER_AGENT_REQUIRED",
      "order.env.userAgent",
      "Pass the User-Agent header of the request that opened the merchant page.",
    ]);
  });

  it("checks the request id before anything else", () => {
    const error = requestErrorOf(() =>
      entryCodePayment({ ...PARAMS, paymentRequestId: "x".repeat(65), userAgent: "" }),
    );
    expect(error.code).toBe("REQUEST_ID_TOO_LONG");
  });

  it("refuses a redirect URL over 2048 characters", () => {
    const error = requestErrorOf(() =>
      entryCodePayment({ ...PARAMS, paymentRedirectUrl: "u".repeat(2049) }),
    );
    expect([error.code, error.path]).toStrictEqual(["REQUEST_INVALID", "paymentRedirectUrl"]);
  });

  it("is an AmsEdgeError with name RequestError", () => {
    const error = requestErrorOf(() => entryCodePayment({ ...PARAMS, userAgent: "" }));
    expect([error.name, error instanceof Error]).toStrictEqual(["RequestError", true]);
  });
});
