import { createPrivateKey, sign } from "node:crypto";
import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { decodeSignature } from "../signature/decode-signature.ts";
import { signatureContent } from "../signature/signature-content.ts";
import type { CryptoProvider } from "./crypto-provider.ts";
import * as node from "./provider-node.ts";
import * as webProvider from "./provider-web.ts";

// Both modules must have the provider shape; the type annotations fail to compile otherwise.
const cryptoProvider: CryptoProvider = node;
const web: CryptoProvider = webProvider;

const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
const notify = cases.find((c) => c.id === "pos-24-notify-payment-result");
if (notify === undefined) throw new Error("vector pos-24 is missing");
const der = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const data = signatureContent(notify);
const expected = decodeSignature(notify.signature) ?? new Uint8Array();
const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

/** The provider's key pair imported straight through WebCrypto, not through a provider. */
const foreignKey = (usage: "sign" | "verify", extractable: boolean) =>
  usage === "sign"
    ? crypto.subtle.importKey("pkcs8", der(keys.alipay.privateKeyPkcs8Base64), RSA, extractable, [
        "sign",
      ])
    : crypto.subtle.importKey("spki", der(keys.alipay.publicKeySpkiBase64), RSA, extractable, [
        "verify",
      ]);

describe("node:crypto provider", () => {
  test("names itself, as does the WebCrypto one", () => {
    expect([cryptoProvider.providerName, web.providerName]).toStrictEqual(["node", "web"]);
  });

  test("signs and verifies with the KeyObjects it made at import", async () => {
    const privateKey = await cryptoProvider.importKey(
      { format: "pkcs8", data: der(keys.alipay.privateKeyPkcs8Base64) },
      "sign",
    );
    const publicKey = await cryptoProvider.importKey(
      { format: "spki", data: der(keys.alipay.publicKeySpkiBase64) },
      "verify",
    );
    expect(privateKey.extractable).toBe(false);
    expect(new Uint8Array(await cryptoProvider.sign(privateKey, data))).toStrictEqual(expected);
    expect(await cryptoProvider.verify(publicKey, expected, data)).toBe(true);
  });

  test.each(["sha1", "sha512", "sha384", "sha224"])(
    "refuses a PKCS#1 v1.5 signature over the right content made with %s",
    async (hash) => {
      const other = new Uint8Array(
        sign(hash, data, createPrivateKey(keys.alipay.privateKeyPkcs8Pem)),
      );
      const spki = der(keys.alipay.publicKeySpkiBase64);
      const publicKey = await cryptoProvider.importKey({ format: "spki", data: spki }, "verify");
      expect(await cryptoProvider.verify(publicKey, other, data)).toBe(false);
      expect(await web.verify(publicKey, other, data)).toBe(false);
    },
  );

  test("answers false, not an error, for a signature of the wrong length", async () => {
    const publicKey = await cryptoProvider.importKey(
      { format: "spki", data: der(keys.alipay.publicKeySpkiBase64) },
      "verify",
    );
    expect(await cryptoProvider.verify(publicKey, expected.subarray(0, 100).slice(), data)).toBe(
      false,
    );
    expect(await cryptoProvider.verify(publicKey, new Uint8Array(0), data)).toBe(false);
  });

  test("falls back to WebCrypto for a non-extractable CryptoKey it did not import", async () => {
    const foreign = await foreignKey("sign", false);
    expect(new Uint8Array(await cryptoProvider.sign(foreign, data))).toStrictEqual(expected);
    const foreignPublic = await foreignKey("verify", false);
    expect(await cryptoProvider.verify(foreignPublic, expected, data)).toBe(true);
  });

  test("borrows the arrays it is given, through node:crypto and through WebCrypto", async () => {
    const imported = await cryptoProvider.importKey(
      { format: "spki", data: der(keys.alipay.publicKeySpkiBase64) },
      "verify",
    );
    const foreign = await foreignKey("verify", false);
    for (const key of [imported, foreign]) {
      // Overwritten as soon as verify returns, as verifySignature's reused buffers are.
      const [signature, content] = [expected.slice(), data.slice()];
      const valid = cryptoProvider.verify(key, signature, content);
      signature.fill(0);
      content.fill(0);
      const [blank, zeros] = [new Uint8Array(expected.length), new Uint8Array(data.length)];
      const invalid = cryptoProvider.verify(key, blank, zeros);
      blank.set(expected);
      zeros.set(data);
      expect([await valid, await invalid]).toStrictEqual([true, false]);
    }
  });

  test("uses a KeyObject for an extractable CryptoKey it did not import", async () => {
    const foreign = await foreignKey("verify", true);
    expect(await cryptoProvider.verify(foreign, expected, data)).toBe(true);
    expect(
      await cryptoProvider.verify(foreign, expected, signatureContent({ ...notify, body: "" })),
    ).toBe(false);
  });

  test("imports JWKs too", async () => {
    const jwk = await crypto.subtle.exportKey("jwk", await foreignKey("sign", true));
    const { kty, n, e, d, p, q, dp, dq, qi } = jwk;
    const key = await cryptoProvider.importKey(
      { format: "jwk", data: { kty, n, e, d, p, q, dp, dq, qi } as JsonWebKey },
      "sign",
    );
    expect(new Uint8Array(await cryptoProvider.sign(key, data))).toStrictEqual(expected);
  });
});
