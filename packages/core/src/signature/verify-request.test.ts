import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { verifyRequest } from "./verify-request.ts";

const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
const notify = cases.find((c) => c.id === "pos-26-notify-path-with-query");
const response = cases.find((c) => c.id === "pos-22-response-ordercode");
if (notify === undefined || response === undefined) throw new Error("vectors are missing");
const publicKey = keys.alipay.publicKeySpkiPem;
const headers = {
  "Client-Id": notify.clientId,
  "REQUEST-TIME": notify.requestTime,
  signature: `algorithm=RSA256, keyVersion=2, signature=${notify.signature}`,
};
const notification = (init: { headers?: Record<string, string>; body?: string } = {}) =>
  new Request(`https://merchant.example${notify.path}`, {
    method: "POST",
    headers: init.headers ?? headers,
    body: init.body ?? notify.body,
  });

describe("verifyRequest", () => {
  test("accepts a provider notification, reading headers in any case and the path with its query", async () => {
    const request = notification();
    const result = await verifyRequest(request, { publicKey });
    expect(request.bodyUsed).toBe(true);
    expect(result).toStrictEqual({
      valid: true,
      body: notify.body,
      bytes: new TextEncoder().encode(notify.body),
      clientId: notify.clientId,
      requestTime: notify.requestTime,
      keyVersion: "2",
    });
  });

  test("picks the key by keyVersion", async () => {
    const versions: string[] = [];
    const result = await verifyRequest(notification(), {
      publicKey: (version) => {
        versions.push(version);
        return version === "2" ? publicKey : keys.merchant.publicKeySpkiPem;
      },
    });
    expect(result.valid).toBe(true);
    expect(versions).toStrictEqual(["2"]);
  });

  test("verifies a gateway response given as parts, with response-time and an explicit path", async () => {
    const result = await verifyRequest(
      {
        method: "POST",
        url: "https://merchant.example/anything",
        headers: {
          "client-id": response.clientId,
          "response-time": response.requestTime,
          signature: `algorithm=RSA256,keyVersion=1,signature=${response.signature}`,
        },
        body: new TextEncoder().encode(response.body),
      },
      { publicKey, path: response.path, timeHeader: "response-time", clientId: response.clientId },
    );
    expect(result.valid).toBe(true);
  });

  test.each([
    [
      "SIGNATURE_MISSING",
      { ...headers, signature: " " },
      {},
      "The request has no signature header.",
    ],
    [
      "CLIENT_ID_MISSING",
      { "request-time": notify.requestTime, signature: headers.signature },
      {},
      "The request has no client-id header.",
    ],
    [
      "CLIENT_ID_MISMATCH",
      headers,
      { clientId: "OTHER" },
      `Expected client-id "OTHER", got "${notify.clientId}".`,
    ],
    [
      "REQUEST_TIME_MISSING",
      { "client-id": notify.clientId, signature: headers.signature },
      {},
      "The request has no request-time header.",
    ],
  ] as const)("answers %s", async (reason, requestHeaders, extra, message) => {
    const result = await verifyRequest(notification({ headers: requestHeaders }), {
      publicKey,
      ...extra,
    });
    expect(result).toMatchObject({ valid: false, reason, message, body: notify.body });
  });

  test("answers SIGNATURE_HEADER_INVALID with the parser's words", async () => {
    const result = await verifyRequest(
      notification({ headers: { ...headers, signature: "algorithm=RSA512,signature=abc" } }),
      { publicKey },
    );
    expect(result).toMatchObject({
      valid: false,
      reason: "SIGNATURE_HEADER_INVALID",
      message: expect.stringContaining('got algorithm "RSA512"'),
    });
  });

  test("answers SIGNATURE_MISMATCH for another path, a changed body, or the merchant's key", async () => {
    const mismatch = { valid: false, reason: "SIGNATURE_MISMATCH", keyVersion: "2" };
    expect(
      await verifyRequest(notification(), { publicKey, path: "/alipay/notify/payment" }),
    ).toMatchObject(mismatch);
    expect(
      await verifyRequest(notification({ body: `${notify.body} ` }), { publicKey }),
    ).toMatchObject(mismatch);
    expect(
      await verifyRequest(notification(), { publicKey: keys.merchant.publicKeySpkiBase64 }),
    ).toMatchObject(mismatch);
  });

  test("rejects for a bad key: a configuration error, not a bad request", async () => {
    await expect(
      verifyRequest(notification(), { publicKey: keys.alipay.privateKeyPkcs8Base64 }),
    ).rejects.toMatchObject({
      code: "KEY_NOT_PUBLIC",
    });
  });
});
