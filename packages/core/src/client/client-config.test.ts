import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/config-error.ts";
import { TEST_KEYS } from "../fixtures/test-keys.ts";
import { KeyError } from "../keys/key-error.ts";
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

describe("createAmsClient refuses a configuration that cannot work when it is made", () => {
  it("the merchant's own public key as alipayPublicKey", () => {
    const { make } = setup({ alipayPublicKey: TEST_MERCHANT_PUBLIC_KEY });
    const error = thrown(make);
    expect(error).toBeInstanceOf(KeyError);
    expect(error).toMatchObject({
      code: "KEY_IS_MERCHANT_KEY",
      message:
        "createAmsClient: `alipayPublicKey`: Expected the provider's RSA public key, got the public half of your `privateKey`.",
      hint: "Pass the provider's public key from the portal.",
    });
  });

  it("a private key as alipayPublicKey, a public key as privateKey, a key that is no key", () => {
    expect(thrown(setup({ alipayPublicKey: TEST_ALIPAY_PRIVATE_KEY }).make)).toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PUBLIC",
      message:
        "createAmsClient: `alipayPublicKey`: Expected the provider's RSA public key, got a private key (pkcs8).",
      hint: "Verify with the provider's public key from the portal.",
    });
    expect(thrown(setup({ privateKey: TEST_MERCHANT_PUBLIC_KEY }).make)).toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PRIVATE",
      message:
        "createAmsClient: `privateKey`: Expected your RSA private key, got a public key (spki).",
    });
    expect(thrown(setup({ privateKey: "./keys/merchant.pem" }).make)).toMatchObject({
      code: "KEY_BASE64_INVALID",
      message:
        'createAmsClient: `privateKey`: Expected your RSA private key, got "." at offset 0 of the base64.',
    });
  });

  it("a client id with a trailing newline, as read from an env file", () => {
    const error = thrown(setup({ clientId: "TEST_CLIENT\n" }).make);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: "CLIENT_ID_WHITESPACE",
      field: "clientId",
      message:
        'createAmsClient: `clientId` "TEST_CLIENT\\n" has whitespace around it, which no signature survives.',
      hint: "Trim it where it is read (a secret or .env file ending with a newline).",
    });
  });

  it("keys that are only checked when imported (JWK) fail the first call before anything is sent", async () => {
    const { make, requests } = setup({ alipayPublicKey: TEST_KEYS.alipayPrivateJwk });
    const client = make();
    await expect(client.inquiryPayment({ paymentRequestId: "p1" })).rejects.toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PUBLIC",
      message:
        "createAmsClient: `alipayPublicKey`: Expected the provider's RSA public key, got a private JWK.",
    });
    expect(requests).toHaveLength(0);
  });

  it("nothing reaches the gateway with any of these configurations", async () => {
    const bad: Partial<AmsClientOptions>[] = [
      { alipayPublicKey: TEST_MERCHANT_PUBLIC_KEY },
      { clientId: " TEST_CLIENT" },
      { privateKey: TEST_KEYS.merchantPublicJwk },
    ];
    for (const options of bad) {
      const { make, requests } = setup(options);
      await expect(
        (async () => make().inquiryPayment({ paymentRequestId: "p1" }))(),
      ).rejects.toThrow();
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
