import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { signRequest } from "./sign-request.ts";

const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
const pay = cases.find((c) => c.id === "pos-08-pay-raw-utf8-chinese");
if (pay === undefined) throw new Error("vector pos-08 is missing");
const options = {
  clientId: pay.clientId,
  privateKey: keys.merchant.privateKeyPkcs8Base64,
  requestTime: pay.requestTime,
};
const url = `https://open-sea-global.alipay.com${pay.path}`;

describe("signRequest with a fetch Request", () => {
  test("returns a new Request with the official SDK's signature and the same body", async () => {
    const request = new Request(url, {
      method: "POST",
      body: pay.body,
      headers: { "X-Trace": "t1" },
    });
    const signed = await signRequest(request, options);
    expect(request.bodyUsed).toBe(true);
    expect(Object.fromEntries(signed.headers)).toStrictEqual({
      "client-id": pay.clientId,
      "content-type": "text/plain;charset=UTF-8",
      "request-time": pay.requestTime,
      signature: `algorithm=RSA256,keyVersion=1,signature=${pay.signature}`,
      "x-trace": "t1",
    });
    expect(signed.method).toBe("POST");
    expect(signed.url).toBe(url);
    expect(await signed.text()).toBe(pay.body);
  });

  test("sets a JSON content type when the request has none, and uses the keyVersion given", async () => {
    const request = new Request(url, { method: "POST", body: new TextEncoder().encode(pay.body) });
    const signed = await signRequest(request, { ...options, keyVersion: 3 });
    expect(signed.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(signed.headers.get("signature")).toBe(
      `algorithm=RSA256,keyVersion=3,signature=${pay.signature}`,
    );
  });

  test("signs the URL's query and a GET without body", async () => {
    const get = cases.find((c) => c.id === "pos-20-get-method");
    if (get === undefined) throw new Error("vector pos-20 is missing");
    const signed = await signRequest(new Request(`https://h.example${get.path}`), {
      clientId: get.clientId,
      privateKey: keys.merchant.privateKeyPkcs1Pem,
      requestTime: get.requestTime,
    });
    expect(signed.headers.get("signature")).toBe(
      `algorithm=RSA256,keyVersion=1,signature=${get.signature}`,
    );
    expect(signed.body).toBeNull();
  });
});

describe("signRequest with request parts", () => {
  test("returns the headers to send and the exact bytes that were signed", async () => {
    const signed = await signRequest(
      {
        method: "POST",
        url: "https://gateway.example/ignored",
        headers: [["content-type", "application/json"]],
        body: pay.body,
      },
      { ...options, path: pay.path },
    );
    expect(signed.signature).toBe(`algorithm=RSA256,keyVersion=1,signature=${pay.signature}`);
    expect(signed.requestTime).toBe(pay.requestTime);
    expect(signed.headers.get("content-type")).toBe("application/json");
    expect(new TextDecoder().decode(signed.body)).toBe(pay.body);
    expect(signed.method).toBe("POST");
    expect(signed.url).toBe("https://gateway.example/ignored");
  });

  test("takes a path-only URL and defaults Request-Time to the current epoch milliseconds", async () => {
    const before = Date.now();
    const signed = await signRequest(
      { method: "POST", url: "/p", body: "{}" },
      { clientId: "C", privateKey: keys.merchant.privateKeyPkcs8Pem },
    );
    const time = Number(signed.headers.get("request-time"));
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  test("refuses a body of another type", async () => {
    await expect(
      signRequest({ method: "POST", url: "/p", body: 5 as unknown as string }, options),
    ).rejects.toThrow(TypeError);
  });
});
