import { createSignature, verifySignature } from "@ams-edge/core";
import { describe, expect, it } from "vitest";
import { TEST_ALIPAY_PRIVATE_KEY, TEST_ALIPAY_PUBLIC_KEY } from "../fixtures/test-keys.ts";
import { derivePublicKey } from "./derive-public-key.ts";
import { generateKeyPair } from "./generate-key-pair.ts";

describe("generateKeyPair", () => {
  it("makes a matching RSA-2048 pair in bare base64 and PEM", async () => {
    const keys = await generateKeyPair();
    expect(keys.privateKeyPem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END PRIVATE KEY-----\n$/,
    );
    expect(keys.publicKeyPem.replace(/-----[A-Z ]+-----|\n/g, "")).toBe(keys.publicKeyBase64);
    // A 2048-bit modulus makes a 294-byte SPKI: 392 base64 characters.
    expect(keys.publicKeyBase64).toHaveLength(392);
    const content = { method: "POST", path: "/p", clientId: "C", requestTime: "1", body: "b" };
    const signature = await createSignature(content, keys.privateKeyBase64);
    expect(await verifySignature(content, signature, keys.publicKeyPem)).toBe(true);
  });
});

describe("derivePublicKey", () => {
  it("finds the public key of a PKCS#8 private key", async () => {
    expect(await derivePublicKey(TEST_ALIPAY_PRIVATE_KEY)).toBe(TEST_ALIPAY_PUBLIC_KEY);
  });

  it("refuses anything that is not a PKCS#8 private key", async () => {
    await expect(derivePublicKey(TEST_ALIPAY_PUBLIC_KEY)).rejects.toThrow(
      "derivePublicKey: the key is not an RSA private key in PKCS#8 form",
    );
    await expect(
      derivePublicKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"),
    ).rejects.toThrow(
      'derivePublicKey: expected a PKCS#8 private key (PEM "BEGIN PRIVATE KEY" or bare base64)',
    );
  });
});
