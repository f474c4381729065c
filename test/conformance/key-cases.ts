/**
 * The key inputs of the key suite: forms that must import, and wrong keys with the exact
 * `KeyError` code each must produce. All keys are test-only keys.
 */
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../../packages/core/src/fixtures/official-python-sdk.ts";
import { TEST_KEYS } from "../../packages/core/src/fixtures/test-keys.ts";

const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
const pem = (label: string, body: string) =>
  `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
const wrap = (base64: string) => base64.replace(/.{64}/g, "$&\n");

/** Which import a case goes through. */
export type Role = "private" | "public";

/** Inputs that must be refused, with the `KeyError` code each must carry. */
export const BAD_KEYS: ReadonlyArray<readonly [string, Role, () => string | JsonWebKey, string]> = [
  ["empty string", "private", () => "", "KEY_EMPTY"],
  ["only whitespace", "public", () => " \n\t ", "KEY_EMPTY"],
  [
    "SPKI base64 given as private",
    "private",
    () => merchant.publicKeySpkiBase64,
    "KEY_NOT_PRIVATE",
  ],
  ["SPKI PEM given as private", "private", () => merchant.publicKeySpkiPem, "KEY_NOT_PRIVATE"],
  [
    "PKCS#1 public PEM given as private",
    "private",
    () => merchant.publicKeyPkcs1Pem,
    "KEY_NOT_PRIVATE",
  ],
  ["public JWK given as private", "private", () => TEST_KEYS.merchantPublicJwk, "KEY_NOT_PRIVATE"],
  ["PKCS#8 base64 given as public", "public", () => alipay.privateKeyPkcs8Base64, "KEY_NOT_PUBLIC"],
  ["PKCS#1 base64 given as public", "public", () => alipay.privateKeyPkcs1Base64, "KEY_NOT_PUBLIC"],
  ["PKCS#8 PEM given as public", "public", () => alipay.privateKeyPkcs8Pem, "KEY_NOT_PUBLIC"],
  ["PKCS#1 PEM given as public", "public", () => alipay.privateKeyPkcs1Pem, "KEY_NOT_PUBLIC"],
  ["private JWK given as public", "public", () => TEST_KEYS.alipayPrivateJwk, "KEY_NOT_PUBLIC"],
  ["1024-bit PKCS#8 base64", "private", () => TEST_KEYS.rsa1024PrivatePkcs8Base64, "KEY_TOO_SHORT"],
  ["1024-bit PKCS#1 PEM", "private", () => TEST_KEYS.rsa1024PrivatePkcs1Pem, "KEY_TOO_SHORT"],
  ["1024-bit private JWK", "private", () => TEST_KEYS.rsa1024PrivateJwk, "KEY_TOO_SHORT"],
  ["1024-bit SPKI PEM", "public", () => TEST_KEYS.rsa1024PublicSpkiPem, "KEY_TOO_SHORT"],
  ["EC P-256 PKCS#8 PEM", "private", () => TEST_KEYS.ecP256PrivatePkcs8Pem, "KEY_NOT_RSA"],
  ["EC P-256 JWK", "private", () => TEST_KEYS.ecP256PrivateJwk, "KEY_NOT_RSA"],
  ["EC P-256 SPKI base64", "public", () => TEST_KEYS.ecP256PublicSpkiBase64, "KEY_NOT_RSA"],
  ["Ed25519 PKCS#8 base64", "private", () => TEST_KEYS.ed25519PrivatePkcs8Base64, "KEY_NOT_RSA"],
  ["Ed25519 SPKI PEM", "public", () => TEST_KEYS.ed25519PublicSpkiPem, "KEY_NOT_RSA"],
  [
    "RSA-PSS PKCS#8 PEM",
    "private",
    () => TEST_KEYS.rsaPssPrivatePkcs8Pem,
    "KEY_ALGORITHM_UNSUPPORTED",
  ],
  [
    "JWK for PS256",
    "private",
    () => ({ ...TEST_KEYS.merchantPrivateJwk, alg: "PS256" }),
    "KEY_ALGORITHM_UNSUPPORTED",
  ],
  [
    "JWK with an undecodable modulus",
    "public",
    () => ({ ...TEST_KEYS.alipayPublicJwk, n: "!!!" }),
    "KEY_JWK_INVALID",
  ],
  [
    "JWK without exponent",
    "public",
    () => ({ kty: "RSA", n: TEST_KEYS.alipayPublicJwk.n }),
    "KEY_JWK_INVALID",
  ],
  ["encrypted PKCS#8 PEM", "private", () => TEST_KEYS.encryptedPkcs8Pem, "KEY_ENCRYPTED"],
  ["encrypted PKCS#8 base64", "private", () => TEST_KEYS.encryptedPkcs8Base64, "KEY_ENCRYPTED"],
  [
    "encrypted PKCS#1 PEM (Proc-Type)",
    "private",
    () => TEST_KEYS.encryptedPkcs1Pem,
    "KEY_ENCRYPTED",
  ],
  [
    "EC PRIVATE KEY PEM",
    "private",
    () => TEST_KEYS.ecP256PrivateSec1Pem,
    "KEY_PEM_LABEL_UNSUPPORTED",
  ],
  [
    "OPENSSH PRIVATE KEY",
    "private",
    () => TEST_KEYS.opensshPrivateKey,
    "KEY_PEM_LABEL_UNSUPPORTED",
  ],
  ["CERTIFICATE PEM", "public", () => TEST_KEYS.certificatePem, "KEY_PEM_LABEL_UNSUPPORTED"],
  ["certificate as bare base64", "public", () => TEST_KEYS.certificateBase64, "KEY_DER_INVALID"],
  [
    "PEM without END line",
    "private",
    () => merchant.privateKeyPkcs8Pem.split("-----END")[0] ?? "",
    "KEY_PEM_INVALID",
  ],
  [
    "PEM whose END label differs",
    "public",
    () => alipay.publicKeySpkiPem.replace("END PUBLIC KEY", "END RSA PUBLIC KEY"),
    "KEY_PEM_INVALID",
  ],
  [
    "PEM with a broken body",
    "public",
    () => pem("PUBLIC KEY", "MIIB*IjANBgkq"),
    "KEY_BASE64_INVALID",
  ],
  [
    "base64 with a stray character",
    "private",
    () =>
      `${merchant.privateKeyPkcs8Base64.slice(0, 100)}*${merchant.privateKeyPkcs8Base64.slice(100)}`,
    "KEY_BASE64_INVALID",
  ],
  [
    "base64 cut to a wrong length",
    "public",
    () => alipay.publicKeySpkiBase64.slice(0, -3),
    "KEY_BASE64_INVALID",
  ],
  [
    "base64url instead of base64",
    "public",
    () => alipay.publicKeySpkiBase64.replace(/\+/g, "-").replace(/\//g, "_"),
    "KEY_BASE64_INVALID",
  ],
  ["a file path", "private", () => "./keys/merchant-private.pem", "KEY_BASE64_INVALID"],
  [
    "JWK as JSON text",
    "public",
    () => JSON.stringify(TEST_KEYS.alipayPublicJwk),
    "KEY_BASE64_INVALID",
  ],
  [
    "base64 of a truncated key",
    "public",
    () => alipay.publicKeySpkiBase64.slice(0, -8),
    "KEY_DER_INVALID",
  ],
  [
    "base64 of a signature",
    "public",
    () => OFFICIAL_PYTHON_SDK_VECTORS.cases[0]?.rawSignature ?? "",
    "KEY_DER_INVALID",
  ],
  // Right containers around a body that is no RSA key: the runtime refuses them at import.
  [
    "PKCS#8 around no RSAPrivateKey",
    "private",
    () => "MBYCAQAwDQYJKoZIhvcNAQEBBQAEAgUA",
    "KEY_DER_INVALID",
  ],
  [
    "SPKI around no RSAPublicKey",
    "public",
    () => "MBQwDQYJKoZIhvcNAQEBBQADAwAFAA==",
    "KEY_DER_INVALID",
  ],
];

/** Key forms that must import, and give a non-extractable RSASSA-PKCS1-v1_5 / SHA-256 key. */
export const GOOD_KEYS: ReadonlyArray<readonly [string, Role, () => string | JsonWebKey]> = [
  ["PKCS#8 base64 (the portal's form)", "private", () => merchant.privateKeyPkcs8Base64],
  ["PKCS#1 base64", "private", () => merchant.privateKeyPkcs1Base64],
  ["PKCS#8 PEM", "private", () => merchant.privateKeyPkcs8Pem],
  ["PKCS#1 PEM", "private", () => merchant.privateKeyPkcs1Pem],
  [
    "PKCS#8 PEM with CRLF and surrounding text",
    "private",
    () => `my key:\r\n${merchant.privateKeyPkcs8Pem.replace(/\n/g, "\r\n")}\r\n`,
  ],
  ["PKCS#8 base64 wrapped at 64 columns", "private", () => wrap(merchant.privateKeyPkcs8Base64)],
  [
    "PKCS#8 base64 as a PEM labelled RSA PRIVATE KEY",
    "private",
    () => pem("RSA PRIVATE KEY", wrap(merchant.privateKeyPkcs8Base64)),
  ],
  ["private JWK", "private", () => TEST_KEYS.merchantPrivateJwk],
  [
    "private JWK with alg, use and key_ops",
    "private",
    () => ({
      ...TEST_KEYS.merchantPrivateJwk,
      alg: "RS256",
      use: "sig",
      key_ops: ["sign", "verify"],
    }),
  ],
  ["4096-bit PKCS#8 PEM", "private", () => TEST_KEYS.rsa4096PrivatePkcs8Pem],
  ["SPKI base64", "public", () => alipay.publicKeySpkiBase64],
  ["SPKI PEM", "public", () => alipay.publicKeySpkiPem],
  ["PKCS#1 public PEM", "public", () => alipay.publicKeyPkcs1Pem],
  [
    "PKCS#1 public as bare base64",
    "public",
    () => alipay.publicKeyPkcs1Pem.replace(/-----[^-]+-----|\s/g, ""),
  ],
  ["public JWK", "public", () => TEST_KEYS.alipayPublicJwk],
  ["4096-bit SPKI base64", "public", () => TEST_KEYS.rsa4096PublicSpkiBase64],
];

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
const subtle = () => crypto.subtle;
const spki = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const alipaySpki = () => spki(alipay.publicKeySpkiBase64);

/** CryptoKeys that must be refused, with the code each must carry. */
export const BAD_CRYPTO_KEYS: ReadonlyArray<
  readonly [string, Role, () => Promise<CryptoKey>, string]
> = [
  [
    "an HMAC key",
    "private",
    () => subtle().generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    "KEY_NOT_RSA",
  ],
  [
    "an RSA-PSS key",
    "public",
    () =>
      subtle().importKey("spki", alipaySpki(), { name: "RSA-PSS", hash: "SHA-256" }, false, [
        "verify",
      ]),
    "KEY_ALGORITHM_UNSUPPORTED",
  ],
  [
    "an RSASSA key bound to SHA-1",
    "public",
    () => subtle().importKey("spki", alipaySpki(), { ...RSA, hash: "SHA-1" }, false, ["verify"]),
    "KEY_ALGORITHM_UNSUPPORTED",
  ],
  [
    "a public key given as private",
    "private",
    () => subtle().importKey("spki", alipaySpki(), RSA, false, ["verify"]),
    "KEY_NOT_PRIVATE",
  ],
  [
    "a public key without the verify usage",
    "public",
    () => subtle().importKey("spki", alipaySpki(), RSA, false, []),
    "KEY_USAGE_MISSING",
  ],
  [
    "a private key given as public",
    "public",
    () => subtle().importKey("pkcs8", spki(alipay.privateKeyPkcs8Base64), RSA, false, ["sign"]),
    "KEY_NOT_PUBLIC",
  ],
  [
    "a 1024-bit key",
    "public",
    () =>
      subtle().importKey(
        "spki",
        spki(TEST_KEYS.rsa1024PublicSpkiPem.replace(/-----[^-]+-----|\s/g, "")),
        RSA,
        false,
        ["verify"],
      ),
    "KEY_TOO_SHORT",
  ],
];
