import { describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../client/fixtures/fake-gateway.ts";
import { createSignature, formatSignatureHeader } from "../signature/index.ts";
import { NotificationError } from "./notification-error.ts";
import { signTestNotification } from "./sign-test-notification.ts";
import { verifyNotification } from "./verify-notification.ts";

const NOTIFY_URL = "https://shop.example/alipay/notify";
const REQUEST_TIME = "2019-07-12T12:08:56+05:30";
const PAYMENT_RESULT = {
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
  paymentRequestId: "pay_test_1106_0002",
  paymentId: "20200101234567890132",
  paymentAmount: { value: "8000", currency: "EUR" },
  actualPaymentAmount: { value: "8000", currency: "EUR" },
  paymentCreateTime: "2020-01-01T12:01:00+08:30",
  paymentTime: "2020-01-01T12:01:01+08:30",
};
const BODY = JSON.stringify(PAYMENT_RESULT);
const options = { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY };

/** Signs `body` over `path` and returns the three provider headers. */
async function providerHeaders(body: string | Uint8Array, path = "/alipay/notify") {
  const signature = await createSignature(
    { method: "POST", path, clientId: "T_111222333", requestTime: REQUEST_TIME, body },
    TEST_ALIPAY_PRIVATE_KEY,
  );
  return {
    "client-id": "T_111222333",
    "request-time": REQUEST_TIME,
    signature: formatSignatureHeader({ signature }),
  };
}

async function notification(
  body = BODY,
  init: {
    headers?: Record<string, string>;
    url?: string;
    method?: string;
    signedBody?: string;
  } = {},
) {
  const headers = {
    "content-type": "application/json",
    ...(await providerHeaders(init.signedBody ?? body)),
    ...init.headers,
  };
  return new Request(init.url ?? NOTIFY_URL, { method: init.method ?? "POST", headers, body });
}

async function failure(promise: Promise<unknown>): Promise<NotificationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotificationError) return error;
    throw error;
  }
  throw new Error("expected a NotificationError");
}

describe("verifyNotification", () => {
  it("verifies and parses a genuine PAYMENT_RESULT", async () => {
    const request = await notification();
    const headers = await providerHeaders(BODY);
    await expect(verifyNotification(request, options)).resolves.toStrictEqual({
      notification: PAYMENT_RESULT,
      bodyProblem: null,
      json: PAYMENT_RESULT,
      rawBody: BODY,
      clientId: "T_111222333",
      requestTime: REQUEST_TIME,
      signature: headers.signature,
      keyVersion: "1",
      path: "/alipay/notify",
    });
  });

  it("uses the header values verbatim (time with milliseconds, odd offsets)", async () => {
    const requestTime = "2019-07-12T12:08:56.253+05:30";
    const signature = await createSignature(
      { method: "POST", path: "/alipay/notify", clientId: "T_1", requestTime, body: BODY },
      TEST_ALIPAY_PRIVATE_KEY,
    );
    const request = new Request(NOTIFY_URL, {
      method: "POST",
      headers: {
        "client-id": "T_1",
        "request-time": requestTime,
        signature: formatSignatureHeader({ signature }),
      },
      body: BODY,
    });
    await expect(verifyNotification(request, options)).resolves.toMatchObject({
      requestTime,
      clientId: "T_1",
    });
  });

  it("keeps an unknown notifyType and unknown fields", async () => {
    const body = JSON.stringify({
      notifyType: "DISPUTE_CREATED",
      disputeId: "d1",
      nested: { a: [1, 2] },
    });
    const verified = await verifyNotification(await notification(body), options);
    expect(verified.notification).toStrictEqual({
      notifyType: "DISPUTE_CREATED",
      disputeId: "d1",
      nested: { a: [1, 2] },
    });
    expect(verified.rawBody).toBe(body);
  });

  it("accepts headers in any case, on a Request or as a plain record", async () => {
    const signed = await providerHeaders(BODY);
    const upper = {
      "CLIENT-ID": signed["client-id"],
      "Request-Time": signed["request-time"],
      SIGNATURE: signed.signature,
    };
    const fromRequest = new Request(NOTIFY_URL, { method: "POST", headers: upper, body: BODY });
    await expect(verifyNotification(fromRequest, options)).resolves.toMatchObject({
      clientId: "T_111222333",
    });
    const fromParts = { method: "post", url: "/alipay/notify", headers: upper, body: BODY };
    await expect(verifyNotification(fromParts, options)).resolves.toMatchObject({
      notification: PAYMENT_RESULT,
    });
  });

  it("refuses a tampered body", async () => {
    const tampered = BODY.replace('"8000"', '"9000"');
    const error = await failure(
      verifyNotification(await notification(tampered, { signedBody: BODY }), options),
    );
    expect(error.code).toBe("SIGNATURE_INVALID");
    expect(error.httpStatus).toBe(401);
  });

  it("refuses a body re-serialized with other whitespace", async () => {
    const pretty = JSON.stringify(PAYMENT_RESULT, null, 2);
    const error = await failure(
      verifyNotification(await notification(pretty, { signedBody: BODY }), options),
    );
    expect(error.code).toBe("SIGNATURE_INVALID");
  });

  it("refuses when verified with the wrong key, and says which key is expected", async () => {
    const error = await failure(
      verifyNotification(await notification(), { alipayPublicKey: TEST_MERCHANT_PUBLIC_KEY }),
    );
    expect(error.code).toBe("SIGNATURE_INVALID");
    expect(error.hint).toContain("provider's public key (not your own)");
  });

  it("checks the request URL's path unless told the notify URL's path", async () => {
    const behindProxy = await notification(BODY, {
      url: "http://127.0.0.1:8787/internal/hooks/alipay",
    });
    const error = await failure(verifyNotification(behindProxy, options));
    expect(error.code).toBe("SIGNATURE_INVALID");
    expect(error.message).toContain("POST /internal/hooks/alipay");
    const again = await notification(BODY, { url: "http://127.0.0.1:8787/internal/hooks/alipay" });
    await expect(
      verifyNotification(again, { ...options, path: "/alipay/notify" }),
    ).resolves.toMatchObject({
      path: "/alipay/notify",
    });
  });

  it.each([
    [["client-id"], "client-id"],
    [["request-time"], "request-time"],
    [["signature"], "signature"],
    [["client-id", "request-time", "signature"], "client-id, request-time, signature"],
  ])("refuses a notification without %j", async (drop, named) => {
    const headers = Object.fromEntries(
      Object.entries(await providerHeaders(BODY)).filter(([name]) => !drop.includes(name)),
    );
    const request = new Request(NOTIFY_URL, { method: "POST", headers, body: BODY });
    const error = await failure(verifyNotification(request, options));
    expect(error.code).toBe("MISSING_HEADER");
    expect(error.message).toBe(
      `The notification lacks the ${named} header(s); expected client-id, request-time and signature.`,
    );
  });

  it("refuses a notification for another client ID when clientId is given, before reading it", async () => {
    // Genuinely signed by the provider, for client T_111222333: valid, but not ours.
    const request = await notification();
    const error = await failure(verifyNotification(request, { ...options, clientId: "T_OURS" }));
    expect([error.code, error.httpStatus, error.message]).toStrictEqual([
      "CLIENT_ID_MISMATCH",
      401,
      'The notification is for client-id "T_111222333"; expected "T_OURS".',
    ]);
    expect(request.bodyUsed).toBe(false);
    const ours = await verifyNotification(await notification(), {
      ...options,
      clientId: "T_111222333",
    });
    expect(ours.clientId).toBe("T_111222333");
  });

  it("refuses an empty signature header as missing", async () => {
    const error = await failure(
      verifyNotification(await notification(BODY, { headers: { signature: " " } }), options),
    );
    expect(error.code).toBe("MISSING_HEADER");
  });

  it("refuses another algorithm with ALGORITHM_UNSUPPORTED and an unreadable header with SIGNATURE_MALFORMED", async () => {
    const { signature } = await providerHeaders(BODY);
    const sha512 = await notification(BODY, {
      headers: { signature: signature.replace("RSA256", "RSA512") },
    });
    expect((await failure(verifyNotification(sha512, options))).code).toBe("ALGORITHM_UNSUPPORTED");
    const garbled = await notification(BODY, {
      headers: { signature: "algorithm=RSA256,keyVersion=1" },
    });
    expect((await failure(verifyNotification(garbled, options))).code).toBe("SIGNATURE_MALFORMED");
  });

  it("refuses a body over maxBodyBytes (64 KiB by default), declared or streamed", async () => {
    const big = JSON.stringify({ notifyType: "OTHER", pad: "x".repeat(64 * 1024) });
    const declared = await notification(big, { headers: { "content-length": String(big.length) } });
    const error = await failure(verifyNotification(declared, options));
    expect(error.code).toBe("BODY_TOO_LARGE");
    expect(error.httpStatus).toBe(413);

    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const endless = new Request(NOTIFY_URL, {
      method: "POST",
      headers: await providerHeaders(""),
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await failure(verifyNotification(endless, options))).code).toBe("BODY_TOO_LARGE");

    const streamed = await failure(
      verifyNotification(await notification(), { ...options, maxBodyBytes: 100 }),
    );
    expect(streamed.message).toBe(
      "The notification body is more than 100 bytes; at most 100 bytes are accepted.",
    );
    const parts = {
      method: "POST",
      url: "/alipay/notify",
      headers: await providerHeaders(BODY),
      body: BODY,
    };
    const whole = await failure(verifyNotification(parts, { ...options, maxBodyBytes: 100 }));
    expect(whole.message).toBe(
      `The notification body is ${BODY.length} bytes; at most 100 bytes are accepted.`,
    );
    await expect(
      verifyNotification(parts, { ...options, maxBodyBytes: BODY.length }),
    ).resolves.toMatchObject({
      rawBody: BODY,
    });
  });

  it("returns a signed body that is not JSON, with its problem, instead of throwing", async () => {
    const verified = await verifyNotification(
      await notification("notifyType=PAYMENT_RESULT"),
      options,
    );
    expect(verified).toMatchObject({
      notification: null,
      bodyProblem: { code: "BODY_NOT_JSON" },
      json: undefined,
      rawBody: "notifyType=PAYMENT_RESULT",
    });
  });

  it("returns a signed body that is not UTF-8 decoded leniently, as not JSON", async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const headers = await providerHeaders(bytes);
    const verified = await verifyNotification(
      new Request(NOTIFY_URL, { method: "POST", headers, body: bytes }),
      options,
    );
    expect(verified.bodyProblem?.code).toBe("BODY_NOT_JSON");
    expect(verified.rawBody).toBe("{\uFFFD}");
  });

  it("returns a signed PAYMENT_RESULT that does not match its schema, naming the field", async () => {
    const { paymentRequestId: _dropped, ...incomplete } = PAYMENT_RESULT;
    const body = JSON.stringify(incomplete);
    const verified = await verifyNotification(await notification(body), options);
    expect(verified.notification).toBeNull();
    expect(verified.bodyProblem?.code).toBe("BODY_INVALID");
    expect(verified.bodyProblem?.message).toContain("paymentRequestId");
    expect(verified.json).toStrictEqual(incomplete);
    expect(verified.rawBody).toBe(body);
  });

  it("still refuses a body that is not JSON when the signature does not verify", async () => {
    const request = await notification("notifyType=PAYMENT_RESULT");
    const tampered = new Request(NOTIFY_URL, {
      method: "POST",
      headers: request.headers,
      body: "notifyType=PAYMENT_RESULT&x=1",
    });
    expect((await failure(verifyNotification(tampered, options))).code).toBe("SIGNATURE_INVALID");
  });

  it("refuses a method other than POST before reading anything", async () => {
    const request = new Request(NOTIFY_URL, { method: "GET", headers: await providerHeaders("") });
    const error = await failure(verifyNotification(request, options));
    expect(error.code).toBe("METHOD_NOT_ALLOWED");
    expect(error.httpStatus).toBe(405);
  });

  it("picks the public key by keyVersion when given a function", async () => {
    const request = await signTestNotification({
      notification: PAYMENT_RESULT,
      privateKey: TEST_ALIPAY_PRIVATE_KEY,
      clientId: "T_1",
      url: NOTIFY_URL,
      keyVersion: 2,
    });
    const asked: string[] = [];
    const verified = await verifyNotification(request, {
      alipayPublicKey: (version) => {
        asked.push(version);
        return version === "2" ? TEST_ALIPAY_PUBLIC_KEY : TEST_MERCHANT_PUBLIC_KEY;
      },
    });
    expect(asked).toStrictEqual(["2"]);
    expect(verified.keyVersion).toBe("2");
  });

  it("throws TypeError for misuse", async () => {
    const used = await notification();
    await used.text();
    await expect(verifyNotification(used, options)).rejects.toThrow(
      new TypeError(
        "verifyNotification: the request body was already read; pass the request untouched",
      ),
    );
    await expect(
      verifyNotification(await notification(), { ...options, path: "alipay/notify" }),
    ).rejects.toThrow(TypeError);
    await expect(
      verifyNotification(await notification(), { ...options, maxBodyBytes: 0 }),
    ).rejects.toThrow(TypeError);
  });
});
