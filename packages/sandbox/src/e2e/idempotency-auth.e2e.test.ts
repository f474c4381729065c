import { signRequest, verifySignature } from "@ams-edge/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_OTHER_PRIVATE_KEY,
} from "../fixtures/test-keys.ts";
import { orderCode, type Stack, startStack, TEST_CLIENT_ID } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** Sends `body` signed by the test merchant to `path`, exactly as given. */
async function signedCall(
  s: Stack,
  path: string,
  body: string,
  options: { clientId?: string; keyVersion?: number; privateKey?: string } = {},
): Promise<Response> {
  const request = await signRequest(
    new Request(`${s.server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=UTF-8" },
      body,
    }),
    {
      clientId: options.clientId ?? TEST_CLIENT_ID,
      privateKey: options.privateKey ?? TEST_MERCHANT_PRIVATE_KEY,
      keyVersion: options.keyVersion,
    },
  );
  return fetch(request);
}

async function resultOf(
  response: Response,
): Promise<{ resultCode: string; resultStatus: string; resultMessage: string }> {
  return (
    (await response.json()) as {
      result: { resultCode: string; resultStatus: string; resultMessage: string };
    }
  ).result;
}

describe("idempotency over HTTP", () => {
  it("answers a replayed pay with the same body and payment, and no second payment", async () => {
    stack = await startStack();
    const params = orderCode("replay-1", "450", stack.receiver.url);
    const first = await stack.client.createOrderCode(params);
    const second = await stack.client.createOrderCode(params);
    expect(first.ok && second.ok).toBe(true);
    expect(second.rawBody).toBe(first.rawBody);
    expect(stack.server.sandbox.payments()).toHaveLength(1);
  });

  it("answers REPEAT_REQ_INCONSISTENT when the request id comes back with another amount", async () => {
    stack = await startStack();
    await stack.client.createOrderCode(orderCode("replay-2", "450", stack.receiver.url));
    const changed = await stack.client.createOrderCode(
      orderCode("replay-2", "451", stack.receiver.url),
    );
    expect(changed.ok).toBe(false);
    expect(changed.status).toBe("F");
    expect(changed.resultCode).toBe("REPEAT_REQ_INCONSISTENT");
    const scenario = await stack.client.createEntryCode({
      ...orderCode("replay-2", "450", stack.receiver.url),
      userAgent: "AlipayClient/10.5",
    });
    expect(scenario.resultCode).toBe("REPEAT_REQ_INCONSISTENT");
  });

  it("answers a replayed refund with the same refund, and an altered one with REPEAT_REQ_INCONSISTENT", async () => {
    stack = await startStack();
    const created = await stack.client.createOrderCode(
      orderCode("replay-refund", "1000", stack.receiver.url),
    );
    const paymentId = created.ok ? (created.data.paymentId ?? "") : "";
    stack.server.sandbox.act(paymentId, "pay");
    const request = {
      refundRequestId: "rr-1",
      paymentId,
      refundAmount: { currency: "USD", value: "400" },
    };
    const first = await stack.client.refund(request);
    const second = await stack.client.refund(request);
    expect(second.rawBody).toBe(first.rawBody);
    expect(stack.server.sandbox.payment(paymentId)?.refunded).toBe("400");
    const altered = await stack.client.refund({
      ...request,
      refundAmount: { currency: "USD", value: "401" },
    });
    expect(altered.resultCode).toBe("REPEAT_REQ_INCONSISTENT");
  });
});

describe("authentication over HTTP", () => {
  it("answers INVALID_SIGNATURE, signed, to a merchant signing with the wrong key", async () => {
    stack = await startStack({}, { privateKey: TEST_OTHER_PRIVATE_KEY });
    const result = await stack.client.createOrderCode(
      orderCode("wrong-key", "450", stack.receiver.url),
    );
    expect(result.ok).toBe(false);
    expect(result.status).toBe("F");
    expect(result.resultCode).toBe("INVALID_SIGNATURE");
    expect(result.httpStatus).toBe(200);
    expect(stack.server.sandbox.payments()).toStrictEqual([]);
  });

  it("answers INVALID_CLIENT to an unknown client id and KEY_NOT_FOUND to an unknown key version", async () => {
    stack = await startStack();
    const body = '{"paymentRequestId":"x"}';
    const unknownClient = await signedCall(stack, "/ams/api/v1/payments/inquiryPayment", body, {
      clientId: "NOBODY",
    });
    expect(await resultOf(unknownClient)).toStrictEqual({
      resultCode: "INVALID_CLIENT",
      resultStatus: "F",
      resultMessage: 'Client id "NOBODY" is not registered with this sandbox.',
    });
    const unknownVersion = await signedCall(stack, "/ams/api/v1/payments/inquiryPayment", body, {
      keyVersion: 2,
    });
    expect((await resultOf(unknownVersion)).resultCode).toBe("KEY_NOT_FOUND");
  });

  it("signs every answer with lowercase signature, response-time and client-id headers that verify", async () => {
    stack = await startStack();
    const path = "/ams/sandbox/api/v1/payments/inquiryPayment?trace=1";
    const response = await signedCall(stack, path, '{"paymentRequestId":"nothing-here"}');
    const raw = await response.text();
    const responseTime = response.headers.get("response-time") ?? "";
    expect(responseTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(response.headers.get("client-id")).toBe(TEST_CLIENT_ID);
    const valid = await verifySignature(
      { method: "POST", path, clientId: TEST_CLIENT_ID, requestTime: responseTime, body: raw },
      response.headers.get("signature") ?? "",
      TEST_ALIPAY_PUBLIC_KEY,
    );
    expect(valid).toBe(true);
    expect(JSON.parse(raw)).toStrictEqual({
      result: {
        resultCode: "ORDER_NOT_EXIST",
        resultStatus: "F",
        resultMessage: "The order does not exist.",
      },
    });
  });

  it("answers PARAM_ILLEGAL naming the field, NO_INTERFACE_DEF, and MEDIA_TYPE_NOT_ACCEPTABLE", async () => {
    stack = await startStack();
    const params = orderCode("bad-amount", "450", stack.receiver.url);
    const body = JSON.stringify({
      productCode: "IN_STORE_PAYMENT",
      paymentRequestId: "bad-amount",
      paymentAmount: { currency: "USD", value: "4.50" },
      paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
      paymentFactor: { inStorePaymentScenario: "OrderCode" },
      order: {
        orderDescription: "x",
        orderAmount: { currency: "USD", value: "450" },
        merchant: params.merchant,
      },
      paymentNotifyUrl: stack.receiver.url,
    });
    const illegal = await resultOf(await signedCall(stack, "/ams/api/v1/payments/pay", body));
    expect(illegal.resultCode).toBe("PARAM_ILLEGAL");
    expect(illegal.resultMessage).toMatch(/^Illegal parameter paymentAmount\.value: /);

    const missing = await resultOf(await signedCall(stack, "/ams/api/v1/payments/refund", "{}"));
    expect(missing.resultCode).toBe("PARAM_ILLEGAL");
    expect(missing.resultMessage).toMatch(/^Illegal parameter refundRequestId: /);

    const nowhere = await resultOf(await signedCall(stack, "/ams/api/v1/payments/capture", "{}"));
    expect(nowhere.resultCode).toBe("NO_INTERFACE_DEF");

    const text = await fetch(`${stack.server.url}/ams/api/v1/payments/pay`, {
      method: "POST",
      body: "{}",
    });
    expect((await resultOf(text)).resultCode).toBe("MEDIA_TYPE_NOT_ACCEPTABLE");
  });
});
