import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { TEST_KEYS } from "../fixtures/test-keys.ts";
import { importPrivateKey } from "./import-private-key.ts";
import { importPublicKey } from "./import-public-key.ts";
import { KeyError } from "./key-error.ts";

const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("error messages", () => {
  test("a private key handed to importPublicKey names the key expected and the key seen", async () => {
    const error = await rejection(importPublicKey(alipay.privateKeyPkcs8Base64));
    expect(error).toBeInstanceOf(KeyError);
    expect(error).toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PUBLIC",
      message: "Expected the provider's RSA public key, got a private key (pkcs8).",
      hint: "Verify with the provider's public key from the portal.",
    });
  });

  test("a public key handed to importPrivateKey says that public keys only verify", async () => {
    const error = await rejection(importPrivateKey(merchant.publicKeyPkcs1Pem));
    expect(error).toMatchObject({
      code: "KEY_NOT_PRIVATE",
      message: "Expected your RSA private key, got a public key (pkcs1-public).",
    });
  });

  test("a stray character is located", async () => {
    const error = await rejection(importPublicKey("MIIB*IjAN"));
    expect(error).toMatchObject({
      code: "KEY_BASE64_INVALID",
      message: 'Expected the provider\'s RSA public key, got "*" at offset 4 of the base64.',
    });
  });

  test("a short key says how many bits it has", async () => {
    const error = await rejection(importPublicKey(TEST_KEYS.rsa1024PublicSpkiPem));
    expect(error).toMatchObject({
      code: "KEY_TOO_SHORT",
      message: expect.stringContaining("got a 1024-bit key."),
    });
  });

  test.each([
    ["an EC key", "public", TEST_KEYS.ecP256PublicSpkiBase64, "KEY_NOT_RSA"],
    ["an EC key", "private", TEST_KEYS.ecP256PrivatePkcs8Pem, "KEY_NOT_RSA"],
    ["an Ed25519 key", "public", TEST_KEYS.ed25519PublicSpkiPem, "KEY_NOT_RSA"],
    ["an RSA-PSS key", "private", TEST_KEYS.rsaPssPrivatePkcs8Pem, "KEY_ALGORITHM_UNSUPPORTED"],
  ] as const)(
    "a key of another algorithm is named with its article: %s (%s)",
    async (seen, role, key, code) => {
      const error = await rejection(
        role === "public" ? importPublicKey(key) : importPrivateKey(key),
      );
      const expected = role === "public" ? "the provider's RSA public key" : "your RSA private key";
      expect(error).toMatchObject({
        code,
        message: `Expected ${expected}, got ${seen}.`,
        hint: "AMS uses RSA keys only.",
      });
    },
  );

  test("a certificate PEM says how to extract its key", async () => {
    const error = await rejection(importPublicKey(TEST_KEYS.certificatePem));
    expect(error).toMatchObject({
      code: "KEY_PEM_LABEL_UNSUPPORTED",
      hint: "Supported: PRIVATE KEY, RSA PRIVATE KEY, PUBLIC KEY, RSA PUBLIC KEY. A certificate's key: openssl x509 -pubkey -noout.",
    });
  });

  test("input of no key type is API misuse: TypeError", async () => {
    const error = await rejection(importPublicKey(42 as unknown as string));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "Expected a key string, JWK or CryptoKey, got number" });
  });
});

describe("keys from environment variables", () => {
  test("PEM whose line breaks are the two characters \\n (or \\r\\n) imports like the PEM itself", async () => {
    const lf = alipay.publicKeySpkiPem.trim().replace(/\n/g, "\\n");
    const crlf = merchant.privateKeyPkcs1Pem.trim().replace(/\n/g, "\\r\\n");
    expect(lf).toContain("-----\\nMII");
    expect((await importPublicKey(lf)).type).toBe("public");
    expect((await importPrivateKey(crlf)).type).toBe("private");
  });
});

describe("messages and hints", () => {
  test.each([
    ["a private key as public", () => importPublicKey(alipay.privateKeyPkcs8Base64)],
    ["a path", () => importPrivateKey("/etc/keys/merchant.pem")],
    ["a cut PEM", () => importPublicKey("-----BEGIN PUBLIC KEY-----\nMIIB")],
    ["a certificate", () => importPublicKey(TEST_KEYS.certificatePem)],
    ["a short key", () => importPublicKey(TEST_KEYS.rsa1024PublicSpkiPem)],
  ])(
    "the message of %s says what was expected and seen; the hint alone says what to do",
    async (_, run) => {
      const error = await rejection(run());
      expect(error).toBeInstanceOf(KeyError);
      const { message, hint } = error as KeyError;
      expect(message).toMatch(/^Expected .*, got .*\.$/);
      expect(hint).toMatch(/\S/);
      expect(message).not.toContain(hint);
    },
  );
});

describe("cache", () => {
  test("concurrent and later imports of one string share one CryptoKey", async () => {
    const text = `${alipay.publicKeySpkiPem}\n`;
    const [a, b] = await Promise.all([importPublicKey(text), importPublicKey(text)]);
    expect(a).toBe(b);
    expect(await importPublicKey(text)).toBe(a);
  });

  test("one string imported for both roles is cached per role", async () => {
    const text = `${merchant.privateKeyPkcs8Pem}\n\n`;
    const key = await importPrivateKey(text);
    expect(key.type).toBe("private");
    expect(await rejection(importPublicKey(text))).toMatchObject({ code: "KEY_NOT_PUBLIC" });
  });

  test("one JWK object imported for both roles is cached per role", async () => {
    const jwk = { ...TEST_KEYS.merchantPrivateJwk };
    expect((await importPrivateKey(jwk)).type).toBe("private");
    expect(await rejection(importPublicKey(jwk))).toMatchObject({ code: "KEY_NOT_PUBLIC" });
    expect(await importPrivateKey(jwk)).toBe(await importPrivateKey(jwk));
  });

  test("a failed import is not remembered as a key", async () => {
    const text = `${TEST_KEYS.rsa1024PrivatePkcs1Pem} `;
    expect(await rejection(importPrivateKey(text))).toMatchObject({ code: "KEY_TOO_SHORT" });
    expect(await rejection(importPrivateKey(text))).toMatchObject({ code: "KEY_TOO_SHORT" });
  });

  test("is bounded: after 64 other strings the first one is parsed again", async () => {
    const variant = (i: number) => `${alipay.publicKeySpkiBase64}${" ".repeat(i + 1)}`;
    const first = await importPublicKey(variant(1000));
    expect(await importPublicKey(variant(1000))).toBe(first);
    for (let i = 0; i < 64; i++) await importPublicKey(variant(i));
    const again = await importPublicKey(variant(1000));
    expect(again).not.toBe(first);
    expect(again.algorithm).toStrictEqual(first.algorithm);
  });
});
