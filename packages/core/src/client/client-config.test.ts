import { describe, expect, it } from "vitest";
import { TEST_KEYS } from "../fixtures/test-keys.ts";
import { verifySignature } from "../signature/index.ts";
import type { AmsClientOptions } from "./client-options.ts";
import { createAmsClient } from "./create-ams-client.ts";
import {
  fakeFetch,
  result,
  signedResponse,
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "./fixtures/fake-gateway.ts";

const success = { result: result("S", "SUCCESS", "success"), paymentStatus: "SUCCESS" };

function setup(options: Partial<AmsClientOptions>) {
  const gateway = fakeFetch((req) => signedResponse(success, { path: req.path }));
  const make = () =>
    createAmsClient({
      clientId: "TEST_CLIENT",
      privateKey: TEST_MERCHANT_PRIVATE_KEY,
      alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
      gateway: "na",
      fetch: gateway.fetch,
      retry: false,
      ...options,
    });
  return { make, requests: gateway.requests };
}

/** The thrown error of `fn`, which must throw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

/** PEM with its line breaks written as the two characters "\n", as env files hold it. */
function escapedPem(base64: string, label: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\\n");
}

describe("createAmsClient refuses a configuration that cannot work before anything is sent", () => {
  it("a client id with whitespace around it, as read from an env file, when it is made", () => {
    for (const clientId of ["TEST_CLIENT\n", " TEST_CLIENT", "TEST_CLIENT\r\n"]) {
      const error = thrown(setup({ clientId }).make);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(
        "createAmsClient: `clientId` must be a non-empty string, trimmed",
      );
    }
  });

  it("a private key as alipayPublicKey, a public key as privateKey, a key that is no key: the first call fails unsent", async () => {
    const cases: [Partial<AmsClientOptions>, string][] = [
      [{ alipayPublicKey: TEST_ALIPAY_PRIVATE_KEY }, "KEY_NOT_PUBLIC"],
      [{ alipayPublicKey: TEST_KEYS.alipayPrivateJwk }, "KEY_NOT_PUBLIC"],
      [{ privateKey: TEST_MERCHANT_PUBLIC_KEY }, "KEY_NOT_PRIVATE"],
      [{ privateKey: TEST_KEYS.merchantPublicJwk }, "KEY_NOT_PRIVATE"],
      [{ alipayPublicKey: "./keys/alipay.pem" }, "KEY_BASE64_INVALID"],
    ];
    for (const [options, code] of cases) {
      const { make, requests } = setup(options);
      await expect(make().inquiryPayment({ paymentRequestId: "p1" })).rejects.toMatchObject({
        name: "KeyError",
        code,
      });
      expect(requests).toHaveLength(0);
    }
  });
});

describe("keys stored in environment variables", () => {
  it("accepts PEM keys whose line breaks are literal \\n escapes", async () => {
    const { make, requests } = setup({
      privateKey: escapedPem(TEST_MERCHANT_PRIVATE_KEY, "PRIVATE KEY"),
      alipayPublicKey: escapedPem(TEST_ALIPAY_PUBLIC_KEY, "PUBLIC KEY"),
    });
    const answer = await make().inquiryPayment({ paymentRequestId: "p1" });
    expect(answer.ok).toBe(true);
    const sent = requests[0];
    if (sent === undefined) throw new Error("no request");
    const content = {
      method: "POST",
      path: sent.path,
      clientId: "TEST_CLIENT",
      requestTime: sent.headers.get("request-time") ?? "",
      body: sent.body,
    };
    expect(
      await verifySignature(content, sent.headers.get("signature") ?? "", TEST_MERCHANT_PUBLIC_KEY),
    ).toBe(true);
  });
});
