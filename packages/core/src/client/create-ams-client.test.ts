import { describe, expect, expectTypeOf, it } from "vitest";
import { TEST_KEYS } from "../fixtures/test-keys.ts";
import {
  type InquiryPaymentResponseOutput,
  type PayResponseOutput,
  RequestError,
} from "../schemas/index.ts";
import { parseSignatureHeader, verifySignature } from "../signature/index.ts";
import type { AmsClient } from "./ams-client.ts";
import { AmsClientError, isAmsClientError } from "./ams-client-error.ts";
import type { AmsResult } from "./ams-result.ts";
import type { AmsClientOptions } from "./client-options.ts";
import { createAmsClient } from "./create-ams-client.ts";
import {
  type CapturedRequest,
  fakeFetch,
  result,
  signedResponse,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "./fixtures/fake-gateway.ts";
import { TEST_MERCHANT, TEST_PAY_REQUEST } from "./fixtures/pay-request.ts";

const merchant = TEST_MERCHANT;
const PAY_REQUEST = TEST_PAY_REQUEST;

type Call = (client: AmsClient) => Promise<unknown>;

interface MethodCase {
  name: string;
  path: string;
  call: Call;
  /** Body the gateway answers with on success. */
  success: Record<string, unknown>;
  /** The request body the client must send. */
  sent: Record<string, unknown>;
}

const METHODS: MethodCase[] = [
  {
    name: "pay",
    path: "/ams/api/v1/payments/pay",
    call: (c) => c.pay(PAY_REQUEST),
    sent: { ...PAY_REQUEST },
    success: {
      result: result("S", "SUCCESS", "success"),
      paymentRequestId: "pay_test_0001",
      paymentId: "2026112219074101000000000000001",
      paymentAmount: { currency: "USD", value: "599" },
      orderCodeForm: {
        expireTime: "2026-11-22T14:29:41+08:00",
        codeDetails: [
          { codeValueType: "QRCODE", codeValue: "https://qr.example/abc", displayType: "TEXT" },
        ],
      },
      someFutureField: { kept: true },
    },
  },
  {
    name: "createOrderCode",
    path: "/ams/api/v1/payments/pay",
    call: (c) =>
      c.createOrderCode({
        paymentRequestId: "pay_test_0001",
        paymentAmount: { currency: "USD", value: "599" },
        orderDescription: "Flat white",
        merchant,
        paymentNotifyUrl: "https://shop.example/alipay/notify",
      }),
    sent: { ...PAY_REQUEST },
    success: {
      result: result("S", "SUCCESS", "success"),
      paymentRequestId: "pay_test_0001",
      orderCodeForm: {
        codeDetails: [
          { codeValueType: "QRCODE", codeValue: "https://qr.example/x", displayType: "TEXT" },
        ],
      },
    },
  },
  {
    name: "createEntryCode",
    path: "/ams/api/v1/payments/pay",
    call: (c) =>
      c.createEntryCode({
        paymentRequestId: "pay_test_0002",
        paymentAmount: { currency: "USD", value: "1250" },
        orderDescription: "Lunch",
        merchant,
        paymentNotifyUrl: "https://shop.example/alipay/notify",
        userAgent: "Mozilla/5.0 AlipayClient/10.5",
      }),
    sent: {
      productCode: "IN_STORE_PAYMENT",
      paymentRequestId: "pay_test_0002",
      paymentAmount: { currency: "USD", value: "1250" },
      paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
      paymentFactor: { inStorePaymentScenario: "EntryCode" },
      order: {
        orderDescription: "Lunch",
        orderAmount: { currency: "USD", value: "1250" },
        merchant,
        env: { userAgent: "Mozilla/5.0 AlipayClient/10.5" },
      },
      paymentNotifyUrl: "https://shop.example/alipay/notify",
    },
    success: {
      result: result("S", "SUCCESS", "success"),
      paymentRequestId: "pay_test_0002",
      redirectActionForm: { method: "GET", redirectUrl: "alipays://platformapi/startApp?appId=1" },
    },
  },
  {
    name: "inquiryPayment",
    path: "/ams/api/v1/payments/inquiryPayment",
    call: (c) => c.inquiryPayment({ paymentRequestId: "pay_test_0001" }),
    sent: { paymentRequestId: "pay_test_0001" },
    success: {
      result: result("S", "SUCCESS", "success"),
      paymentStatus: "SUCCESS",
      paymentRequestId: "pay_test_0001",
      paymentId: "2026112219074101000000000000001",
      paymentAmount: { currency: "USD", value: "599" },
      paymentTime: "2026-11-22T14:01:00+08:00",
    },
  },
  {
    name: "cancel",
    path: "/ams/api/v1/payments/cancel",
    call: (c) => c.cancel({ paymentId: "2026112219074101000000000000001" }),
    sent: { paymentId: "2026112219074101000000000000001" },
    success: {
      result: result("S", "SUCCESS", "success"),
      paymentId: "2026112219074101000000000000001",
      paymentRequestId: "pay_test_0001",
      cancelTime: "2026-11-22T14:05:00+08:00",
    },
  },
  {
    name: "refund",
    path: "/ams/api/v1/payments/refund",
    call: (c) =>
      c.refund({
        refundRequestId: "refund_test_0001",
        paymentId: "2026112219074101000000000000001",
        refundAmount: { currency: "USD", value: "100" },
      }),
    sent: {
      refundRequestId: "refund_test_0001",
      paymentId: "2026112219074101000000000000001",
      refundAmount: { currency: "USD", value: "100" },
    },
    success: {
      result: result("S", "SUCCESS", "success"),
      refundRequestId: "refund_test_0001",
      refundId: "2026112219074102000000000000001",
      refundAmount: { currency: "USD", value: "100" },
      refundTime: "2026-11-22T15:00:00+08:00",
    },
  },
  {
    name: "inquiryRefund",
    path: "/ams/api/v1/payments/inquiryRefund",
    call: (c) => c.inquiryRefund({ refundRequestId: "refund_test_0001" }),
    sent: { refundRequestId: "refund_test_0001" },
    success: {
      result: result("S", "SUCCESS", "success"),
      refundStatus: "SUCCESS",
      refundRequestId: "refund_test_0001",
      refundId: "2026112219074102000000000000001",
    },
  },
];

function client(
  respond: (request: CapturedRequest, index: number) => Response | Promise<Response>,
  options: Partial<AmsClientOptions> = {},
) {
  const gateway = fakeFetch(respond);
  const amsClient = createAmsClient({
    clientId: "TEST_CLIENT",
    privateKey: TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: "na",
    fetch: gateway.fetch,
    retry: false,
    ...options,
  });
  return { client: amsClient, requests: gateway.requests };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe.each(METHODS)("$name", ({ path, call, success, sent }) => {
  it("sends a signed request to the right path and returns the verified S result", async () => {
    const rawBody = JSON.stringify(success);
    const { client: c, requests } = client((req) => signedResponse(rawBody, { path: req.path }));
    const outcome = await call(c);

    expect(outcome).toStrictEqual({
      ok: true,
      status: "S",
      resultCode: "SUCCESS",
      resultMessage: "success",
      rawBody,
      httpStatus: 200,
      data: success,
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    if (request === undefined) throw new Error("no request");
    expect(request.url).toBe(`https://open-na.alipay.com${path}`);
    expect(request.method).toBe("POST");
    expect(JSON.parse(request.body)).toStrictEqual(sent);
    expect(request.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(request.headers.get("client-id")).toBe("TEST_CLIENT");
    expect(request.headers.get("agent-token")).toBeNull();
    const requestTime = request.headers.get("request-time") ?? "";
    expect(requestTime).toMatch(/^\d{13}$/);
    const header = request.headers.get("signature") ?? "";
    expect(parseSignatureHeader(header)).toMatchObject({ algorithm: "RSA256", keyVersion: "1" });
    expect(header.startsWith("algorithm=RSA256,keyVersion=1,signature=")).toBe(true);
    // The signature covers the exact bytes that were sent.
    await expect(
      verifySignature(
        { method: "POST", path, clientId: "TEST_CLIENT", requestTime, body: request.body },
        header,
        TEST_MERCHANT_PUBLIC_KEY,
      ),
    ).resolves.toBe(true);
  });

  it("returns a signed F as a failed result with the body as data", async () => {
    const body = { result: result("F", "PROCESS_FAIL", "General business failure.") };
    const { client: c } = client((req) => signedResponse(body, { path: req.path }));
    await expect(call(c)).resolves.toStrictEqual({
      ok: false,
      status: "F",
      resultCode: "PROCESS_FAIL",
      resultMessage: "General business failure.",
      rawBody: JSON.stringify(body),
      httpStatus: 200,
      data: body,
    });
  });

  it("returns a signed U as an unknown result", async () => {
    const body = { result: result("U", "PAYMENT_IN_PROCESS", "in process") };
    const { client: c } = client((req) => signedResponse(body, { path: req.path }));
    await expect(call(c)).resolves.toStrictEqual({
      ok: false,
      status: "U",
      resultCode: "PAYMENT_IN_PROCESS",
      resultMessage: "in process",
      rawBody: JSON.stringify(body),
      httpStatus: 200,
      data: body,
    });
  });
});

describe("request headers and paths", () => {
  const ok = { result: result("S", "SUCCESS", "success"), paymentStatus: "PROCESSING" };

  it("uses /ams/sandbox/api/... for a SANDBOX_ client id and signs that path", async () => {
    const { client: c, requests } = client(
      (req) => signedResponse(ok, { path: req.path, clientId: "SANDBOX_5Y3A2N" }),
      {
        clientId: "SANDBOX_5Y3A2N",
      },
    );
    const outcome = await c.inquiryPayment({ paymentId: "p1" });
    expect(outcome.status).toBe("S");
    const request = requests[0];
    expect(request?.url).toBe(
      "https://open-na.alipay.com/ams/sandbox/api/v1/payments/inquiryPayment",
    );
    await expect(
      verifySignature(
        {
          method: "POST",
          path: "/ams/sandbox/api/v1/payments/inquiryPayment",
          clientId: "SANDBOX_5Y3A2N",
          requestTime: request?.headers.get("request-time") ?? "",
          body: request?.body ?? "",
        },
        request?.headers.get("signature") ?? "",
        TEST_MERCHANT_PUBLIC_KEY,
      ),
    ).resolves.toBe(true);
  });

  it.each([
    ["na", "https://open-na.alipay.com"],
    ["na-accelerated", "https://open-na-global.alipay.com"],
    ["sea", "https://open-sea.alipay.com"],
    ["sea-accelerated", "https://open-sea-global.alipay.com"],
    ["eu", "https://open-eu.alipay.com"],
    ["eu-accelerated", "https://open-de-global.alipay.com"],
    ["http://127.0.0.1:8788", "http://127.0.0.1:8788"],
    ["https://gateway.example/base/", "https://gateway.example/base"],
  ])("sends gateway %s requests to %s", async (gateway, base) => {
    const { client: c, requests } = client((req) => signedResponse(ok, { path: req.path }), {
      gateway,
    });
    await c.inquiryPayment({ paymentId: "p1" });
    expect(requests[0]?.url).toBe(`${base}/ams/api/v1/payments/inquiryPayment`);
  });

  it("sends Agent-Token and the configured keyVersion", async () => {
    const { client: c, requests } = client((req) => signedResponse(ok, { path: req.path }), {
      agentToken: "agent-token-test",
      keyVersion: 3,
    });
    await c.inquiryPayment({ paymentId: "p1" });
    expect(requests[0]?.headers.get("agent-token")).toBe("agent-token-test");
    expect(parseSignatureHeader(requests[0]?.headers.get("signature") ?? "").keyVersion).toBe("3");
  });

  it("refuses an invalid request with RequestError before sending anything", async () => {
    const { client: c, requests } = client(() => {
      throw new Error("must not be called");
    });
    const error = await rejection(
      c.pay({ ...PAY_REQUEST, paymentAmount: { currency: "USD", value: "5.99" } }),
    );
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({
      code: "REQUEST_INVALID",
      path: "paymentAmount.value",
      message:
        'Invalid pay request at paymentAmount.value: Expected minor units as a string of digits, e.g. "599"',
    });
    expect(requests).toHaveLength(0);
  });

  it("rejects (not throws) when a builder refuses its parameters", async () => {
    const { client: c, requests } = client(() => {
      throw new Error("must not be called");
    });
    const pending = c.createOrderCode({
      paymentRequestId: "has spaces",
      paymentAmount: { currency: "USD", value: "599" },
      orderDescription: "x",
      merchant,
      paymentNotifyUrl: "https://shop.example/n",
    });
    await expect(pending).rejects.toMatchObject({
      name: "RequestError",
      code: "REQUEST_ID_INVALID_CHARACTERS",
    });
    expect(requests).toHaveLength(0);
  });
});

describe("response verification (PROTOCOL §2)", () => {
  const success = { result: result("S", "SUCCESS", "success"), paymentStatus: "SUCCESS" };
  const failure = { result: result("F", "ORDER_NOT_EXIST", "order not exist") };
  const unknown = { result: result("U", "UNKNOWN_EXCEPTION", "unknown") };
  const call = (c: AmsClient) => c.inquiryPayment({ paymentRequestId: "pay_test_0001" });

  it("rejects an unsigned S", async () => {
    const { client: c } = client((req) =>
      signedResponse(success, { path: req.path, signing: "unsigned" }),
    );
    const error = await rejection(call(c));
    expect(error).toBeInstanceOf(AmsClientError);
    expect(error).toMatchObject({
      code: "RESPONSE_UNSIGNED",
      operation: "inquiryPayment",
      attempts: 1,
      httpStatus: 200,
      resultCode: "SUCCESS",
      rawBody: JSON.stringify(success),
    });
  });

  it("accepts an unsigned F", async () => {
    const { client: c } = client((req) =>
      signedResponse(failure, { path: req.path, signing: "unsigned" }),
    );
    await expect(call(c)).resolves.toStrictEqual({
      ok: false,
      status: "F",
      resultCode: "ORDER_NOT_EXIST",
      resultMessage: "order not exist",
      rawBody: JSON.stringify(failure),
      httpStatus: 200,
      data: failure,
    });
  });

  it("accepts an unsigned U", async () => {
    const { client: c } = client((req) =>
      signedResponse(unknown, { path: req.path, signing: "unsigned" }),
    );
    await expect(call(c)).resolves.toMatchObject({
      ok: false,
      status: "U",
      resultCode: "UNKNOWN_EXCEPTION",
    });
  });

  it.each(["signature-only", "time-only"] as const)(
    "rejects a half-signed response (%s), even an F",
    async (signing) => {
      const { client: c } = client((req) => signedResponse(failure, { path: req.path, signing }));
      await expect(call(c)).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INCOMPLETE" });
    },
  );

  it("rejects a tampered body", async () => {
    const { client: c } = client(async (req) => {
      const genuine = await signedResponse(success, { path: req.path });
      const tampered = (await genuine.text()).replace(
        '"SUCCESS","resultStatus"',
        '"SUCCESS" ,"resultStatus"',
      );
      return new Response(tampered, { headers: genuine.headers });
    });
    await expect(call(c)).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
  });

  it("rejects a tampered F too: a signature present must verify", async () => {
    const { client: c } = client(async (req) => {
      const genuine = await signedResponse(failure, { path: req.path });
      return new Response(JSON.stringify({ ...failure, extra: 1 }), { headers: genuine.headers });
    });
    await expect(call(c)).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
  });

  it("rejects a response signed over another path", async () => {
    const { client: c } = client(() =>
      signedResponse(success, { path: "/ams/api/v1/payments/pay" }),
    );
    await expect(call(c)).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
  });

  it("rejects a response signed with another key than alipayPublicKey (a valid key of another pair)", async () => {
    const { client: c } = client((req) => signedResponse(success, { path: req.path }), {
      alipayPublicKey: TEST_KEYS.merchantPublicJwk, // a JWK: not comparable with privateKey when made
      privateKey: TEST_KEYS.alipayPrivateJwk,
    });
    const error = await rejection(call(c));
    expect(error).toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
    expect((error as AmsClientError).hint).toContain("provider's public key");
  });

  it("rejects a signature header with another algorithm", async () => {
    const { client: c } = client(async (req) => {
      const genuine = await signedResponse(success, { path: req.path });
      const headers = new Headers(genuine.headers);
      headers.set("signature", (headers.get("signature") ?? "").replace("RSA256", "RSA512"));
      return new Response(await genuine.text(), { headers });
    });
    const error = await rejection(call(c));
    expect(error).toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
    expect((error as AmsClientError).cause).toMatchObject({
      code: "SIGNATURE_ALGORITHM_UNSUPPORTED",
    });
  });

  it("rejects a body that is not JSON, and an S that does not match its schema", async () => {
    const notJson = client((req) => signedResponse("<html>gateway</html>", { path: req.path }));
    await expect(call(notJson.client)).rejects.toMatchObject({ code: "RESPONSE_MALFORMED" });
    const noResult = client((req) =>
      signedResponse({ paymentStatus: "SUCCESS" }, { path: req.path }),
    );
    await expect(call(noResult.client)).rejects.toMatchObject({ code: "RESPONSE_MALFORMED" });
    const badShape = client((req) =>
      signedResponse({ ...success, paymentStatus: "PAID" }, { path: req.path }),
    );
    const error = await rejection(call(badShape.client));
    expect(error).toMatchObject({ code: "RESPONSE_MALFORMED", resultCode: "SUCCESS" });
    expect((error as AmsClientError).message).toContain("paymentStatus");
  });

  it("carries the gateway's request id and HTTP status on a non-200", async () => {
    const { client: c } = client(
      () => new Response("Bad Request", { status: 400, headers: { "x-request-id": "req-123" } }),
    );
    const error = await rejection(call(c));
    expect(error).toMatchObject({
      code: "HTTP_STATUS",
      httpStatus: 400,
      requestId: "req-123",
      rawBody: "Bad Request",
      attempts: 1,
    });
  });
});

describe("createAmsClient options", () => {
  const base = {
    clientId: "TEST_CLIENT",
    privateKey: TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: "na",
  };

  it.each([
    [{ gateway: "us" }, /region name/],
    [{ gateway: "http://gateway.example" }, /must use https/],
    [{ gateway: "ftp://127.0.0.1" }, /must use https/],
    [{ clientId: "" }, /clientId/],
    [{ agentToken: "x".repeat(129) }, /agentToken/],
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ retry: { limit: -1 } }, /retry\.limit/],
  ])("throws a TypeError for %j", (override, message) => {
    expect(() => createAmsClient({ ...base, ...override })).toThrow(TypeError);
    expect(() => createAmsClient({ ...base, ...override })).toThrow(message);
  });
});

describe("public types", () => {
  it("narrows a result on ok / status", async () => {
    const { client: c } = client((req) =>
      signedResponse(
        { result: result("S", "SUCCESS"), paymentStatus: "SUCCESS" },
        { path: req.path },
      ),
    );
    const outcome = await c.inquiryPayment({ paymentId: "p1" });
    expectTypeOf(outcome).toEqualTypeOf<AmsResult<InquiryPaymentResponseOutput>>();
    expectTypeOf(c.pay).returns.resolves.toEqualTypeOf<AmsResult<PayResponseOutput>>();
    if (outcome.ok) {
      expectTypeOf(outcome.status).toEqualTypeOf<"S">();
      expectTypeOf(outcome.data).toEqualTypeOf<InquiryPaymentResponseOutput>();
      expect(outcome.data.paymentStatus).toBe("SUCCESS");
    } else {
      expectTypeOf(outcome.status).toEqualTypeOf<"F" | "U">();
      expectTypeOf(outcome.data).toEqualTypeOf<Record<string, unknown>>();
      throw new Error("expected S");
    }
  });

  it("recognises an AmsClientError, also one from another realm", () => {
    const local = new AmsClientError("TIMEOUT", "t", { operation: "pay", attempts: 1 });
    const foreign = Object.assign(new Error("t"), { name: "AmsClientError", code: "TIMEOUT" });
    expect(
      [local, foreign, new Error("t"), { name: "AmsClientError" }].map(isAmsClientError),
    ).toStrictEqual([true, true, false, false]);
  });
});
