import { describe, expect, test } from "vitest";
import { decodeBase64 } from "../crypto/base64.ts";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { TEST_KEYS } from "../fixtures/test-keys.ts";
import { sniffKeyDer } from "./sniff-key-der.ts";

const { merchant } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
const der = (text: string) =>
  decodeBase64(text.replace(/-----[^-]+-----|\s/g, "")) ?? new Uint8Array();

describe("sniffKeyDer", () => {
  test.each([
    ["PKCS#8", merchant.privateKeyPkcs8Base64, "pkcs8", "RSA"],
    ["PKCS#1 private", merchant.privateKeyPkcs1Base64, "pkcs1-private", "RSA"],
    ["SPKI", merchant.publicKeySpkiBase64, "spki", "RSA"],
    ["PKCS#1 public", merchant.publicKeyPkcs1Pem, "pkcs1-public", "RSA"],
    ["4096-bit PKCS#8", TEST_KEYS.rsa4096PrivatePkcs8Pem, "pkcs8", "RSA"],
    ["EC PKCS#8", TEST_KEYS.ecP256PrivatePkcs8Pem, "pkcs8", "EC"],
    ["Ed25519 SPKI", TEST_KEYS.ed25519PublicSpkiPem, "spki", "Ed25519"],
    ["RSA-PSS PKCS#8", TEST_KEYS.rsaPssPrivatePkcs8Pem, "pkcs8", "RSA-PSS"],
    ["encrypted PKCS#8", TEST_KEYS.encryptedPkcs8Base64, "encrypted-pkcs8", "?"],
  ])("recognises %s by shape", (_, text, container, algorithm) => {
    expect(sniffKeyDer(der(text))).toStrictEqual({ container, algorithm });
  });

  test("names an unknown key algorithm by its OID bytes", () => {
    // SPKI with OID 1.2.3 (2a 03) and an empty BIT STRING.
    const spki = new Uint8Array([0x30, 0x08, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x03, 0x01, 0x00]);
    expect(sniffKeyDer(spki)).toStrictEqual({ container: "spki", algorithm: "OID 2a" });
  });

  test.each([
    ["a certificate", der(TEST_KEYS.certificateBase64)],
    ["trailing bytes", new Uint8Array([...der(merchant.publicKeySpkiBase64), 0])],
    ["a truncated key", der(merchant.publicKeySpkiBase64).subarray(0, 200)],
    ["a sequence of three integers", new Uint8Array([0x30, 0x09, 2, 1, 1, 2, 1, 1, 2, 1, 1])],
    ["an INTEGER", new Uint8Array([0x02, 0x01, 0x01])],
    ["nothing", new Uint8Array()],
  ])("does not recognise %s", (_, bytes) => {
    expect(sniffKeyDer(bytes)).toBeUndefined();
  });
});
