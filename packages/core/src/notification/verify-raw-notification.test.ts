import { describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../client/fixtures/fake-gateway.ts";
import { ConfigError } from "../config/config-error.ts";
import { createSignature, formatSignatureHeader } from "../signature/index.ts";
import { NotificationError } from "./notification-error.ts";
import { verifyNotification } from "./verify-notification.ts";
import { verifyRawNotification } from "./verify-raw-notification.ts";

const PATH = "/alipay/notify";
const CLIENT_ID = "T_111222333";
const REQUEST_TIME = "2019-07-12T12:08:56+05:30";
const PAYMENT_RESULT = {
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
  paymentRequestId: "pay_test_1106_0002",
  paymentId: "20200101234567890132",
  paymentAmount: { value: "8000", currency: "EUR" },
  paymentCreateTime: "2020-01-01T12:01:00+08:30",
  paymentTime: "2020-01-01T12:01:01+08:30",
};
// The provider's bytes, indented: a body parser and JSON.stringify give other bytes.
const BODY = JSON.stringify(PAYMENT_RESULT, null, 2);
const options = { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY, clientId: CLIENT_ID, path: PATH };

async function signed(
  body = BODY,
  { path = PATH, clientId = CLIENT_ID, key = TEST_ALIPAY_PRIVATE_KEY } = {},
) {
  const signature = await createSignature(
    { method: "POST", path, clientId, requestTime: REQUEST_TIME, body },
    key,
  );
  return {
    "client-id": clientId.trim(),
    "request-time": REQUEST_TIME,
    signature: formatSignatureHeader({ signature }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("verifyRawNotification", () => {
  it("returns what verifyNotification returns, from bytes, a Buffer-like view, text or an ArrayBuffer", async () => {
    const headers = await signed();
    const request = new Request(`https://shop.example${PATH}`, {
      method: "POST",
      headers,
      body: BODY,
    });
    const expected = await verifyNotification(request, options);
    expect(expected.notification?.notifyType).toBe("PAYMENT_RESULT");
    const bytes = new TextEncoder().encode(BODY);
    for (const body of [bytes, BODY, bytes.buffer, new Uint8Array(bytes.buffer, 0, bytes.length)]) {
      expect(await verifyRawNotification(body, headers, options)).toStrictEqual(expected);
    }
  });

  it("takes a Headers, a plain object, or Node's IncomingHttpHeaders with repeated headers", async () => {
    const headers = await signed();
    const node = { ...headers, host: "shop.example", "x-forwarded-for": ["10.0.0.1", "10.0.0.2"] };
    for (const given of [new Headers(headers), headers, node]) {
      const verified = await verifyRawNotification(BODY, given, options);
      expect(verified.rawBody).toBe(BODY);
    }
  });

  it("refuses a parsed object (req.body after express.json()) with BODY_NOT_RAW", async () => {
    const headers = await signed();
    const error = await rejection(
      verifyRawNotification(PAYMENT_RESULT as unknown as string, headers, options),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: "BODY_NOT_RAW",
      field: "body",
      message:
        "verifyRawNotification: expected the raw body bytes the provider signed, got a parsed object (a JSON body parser ran first).",
      hint: 'Use the raw body: in Express, mount the notify route with express.raw({ type: "*/*" }) before express.json(), or keep the bytes with express.json({ verify: keepRawBody }).',
    });
  });

  it("requires the path: there is no URL to take it from", async () => {
    const { path: _, ...withoutPath } = options;
    const error = await rejection(
      verifyRawNotification(BODY, await signed(), withoutPath as typeof options),
    );
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe("a configuration error is thrown before the notification is looked at", () => {
  it("a private key as alipayPublicKey, even for a request without headers", async () => {
    const error = await rejection(
      verifyRawNotification(BODY, {}, { ...options, alipayPublicKey: TEST_ALIPAY_PRIVATE_KEY }),
    );
    expect(error).toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PUBLIC",
      message:
        "verifyRawNotification: `alipayPublicKey`: Expected the provider's RSA public key, got a private key (pkcs8).",
      hint: "Verify with the provider's public key from the portal.",
    });
  });

  it("a client id with a trailing newline", async () => {
    const error = await rejection(
      verifyNotification(
        new Request(`https://shop.example${PATH}`, { method: "POST", body: BODY }),
        { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY, clientId: `${CLIENT_ID}\n` },
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: "CLIENT_ID_WHITESPACE",
      message:
        'verifyNotification: `clientId` "T_111222333\\n" has whitespace around it, which no signature survives.',
    });
  });
});

describe("a signature that does not verify names its most plausible cause", () => {
  async function cause(promise: Promise<unknown>) {
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(NotificationError);
    const { code, signatureCause, message } = error as NotificationError;
    expect(code).toBe("SIGNATURE_INVALID");
    expect(message).toContain(`Likely cause, ${signatureCause?.cause}: ${signatureCause?.message}`);
    return signatureCause;
  }

  it("BODY_RESERIALIZED: the body was parsed and serialized again before verification", async () => {
    const headers = await signed();
    const reserialized = JSON.stringify(JSON.parse(BODY));
    expect(await cause(verifyRawNotification(reserialized, headers, options))).toStrictEqual({
      cause: "BODY_RESERIALIZED",
      message:
        "The signer signed the body as JSON indented by 2 spaces; verify the raw bytes received, never re-serialized JSON.",
      variant: { body: BODY },
    });
  });

  it("BODY_WHITESPACE: a trailing newline was dropped", async () => {
    const headers = await signed(`${BODY}\n`);
    expect(await cause(verifyRawNotification(BODY, headers, options))).toMatchObject({
      cause: "BODY_WHITESPACE",
    });
  });

  it("CLIENT_ID_WHITESPACE: the sender signed its client id with a newline", async () => {
    const headers = await signed(BODY, { clientId: `${CLIENT_ID}\n` });
    expect(await cause(verifyRawNotification(BODY, headers, options))).toMatchObject({
      cause: "CLIENT_ID_WHITESPACE",
      variant: { clientId: `${CLIENT_ID}\n` },
    });
  });

  it("PATH_MISMATCH: the configured path is not the one signed, the request's own is", async () => {
    const headers = await signed(BODY, { path: "/hooks/alipay" });
    const request = new Request("https://shop.example/hooks/alipay", {
      method: "POST",
      headers,
      body: BODY,
    });
    expect(await cause(verifyNotification(request, options))).toStrictEqual({
      cause: "PATH_MISMATCH",
      message:
        'It verifies over the path the request arrived on, "/hooks/alipay": the configured `path` is not the one the provider signed.',
      variant: { path: "/hooks/alipay" },
    });
  });

  it("PUBLIC_KEY_NOT_SIGNERS: nothing the receiver could have changed explains it", async () => {
    const headers = await signed(BODY, { key: TEST_MERCHANT_PRIVATE_KEY });
    expect(await cause(verifyRawNotification(BODY, headers, options))).toMatchObject({
      cause: "PUBLIC_KEY_NOT_SIGNERS",
    });
    // The same with your own public key configured: it is a valid key, only the wrong one.
    const own = { ...options, alipayPublicKey: TEST_MERCHANT_PUBLIC_KEY };
    const wrong = await signed();
    expect(await cause(verifyRawNotification(BODY, wrong, own))).toMatchObject({
      cause: "PUBLIC_KEY_NOT_SIGNERS",
    });
  });
});
