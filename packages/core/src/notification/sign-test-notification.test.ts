import { describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
} from "../client/fixtures/fake-gateway.ts";
import { verifySignature } from "../signature/index.ts";
import { signTestNotification } from "./sign-test-notification.ts";
import { verifyNotification } from "./verify-notification.ts";

const notification = {
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F", resultMessage: "balance" },
  paymentRequestId: "pay_1",
};

describe("signTestNotification", () => {
  it("builds a signed Request for a URL that verifyNotification accepts", async () => {
    const request = await signTestNotification({
      notification,
      privateKey: TEST_ALIPAY_PRIVATE_KEY,
      clientId: "SANDBOX_TEST",
      url: "http://127.0.0.1:8787/alipay/notify",
      requestTime: "2026-11-22T13:59:41+08:00",
    });
    expect(request.method).toBe("POST");
    expect(request.headers.get("client-id")).toBe("SANDBOX_TEST");
    expect(request.headers.get("request-time")).toBe("2026-11-22T13:59:41+08:00");
    expect(request.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const verified = await verifyNotification(request, { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY });
    expect(verified.notification).toStrictEqual(notification);
    expect(verified.rawBody).toBe(JSON.stringify(notification));
  });

  it("signs a given body verbatim and returns the parts for a path", async () => {
    const body = '{ "notifyType" : "PAYMENT_RESULT" }';
    const parts = await signTestNotification({
      body,
      privateKey: TEST_ALIPAY_PRIVATE_KEY,
      clientId: "T_1",
      path: "/alipay/notify?store=7",
    });
    expect(parts.method).toBe("POST");
    expect(parts.url).toBe("/alipay/notify?store=7");
    expect(new TextDecoder().decode(parts.body)).toBe(body);
    const requestTime = parts.headers.get("request-time") ?? "";
    expect(requestTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    await expect(
      verifySignature(
        { method: "POST", path: "/alipay/notify?store=7", clientId: "T_1", requestTime, body },
        parts.headers.get("signature") ?? "",
        TEST_ALIPAY_PUBLIC_KEY,
      ),
    ).resolves.toBe(true);
  });

  it("refuses options without a body or without a destination", async () => {
    await expect(
      signTestNotification({
        privateKey: TEST_ALIPAY_PRIVATE_KEY,
        clientId: "T_1",
        path: "/n",
      } as never),
    ).rejects.toThrow(TypeError);
    await expect(
      signTestNotification({
        body: "{}",
        privateKey: TEST_ALIPAY_PRIVATE_KEY,
        clientId: "T_1",
        path: "n",
      }),
    ).rejects.toThrow(TypeError);
  });
});
