import { describe, expect, test } from "vitest";
import { encodeBase64 } from "../crypto/base64.ts";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { createSignature } from "./create-signature.ts";
import { decodeSignature } from "./decode-signature.ts";
import { type DiagnoseSignatureInput, diagnoseSignature } from "./diagnose-signature.ts";
import type { SignatureContent } from "./signature-content.ts";

const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
const order = {
  paymentRequestId: "PAY-1",
  paymentAmount: { value: "599", currency: "USD" },
  note: "小笼包 / ☕",
};
const sent: SignatureContent = {
  method: "POST",
  path: "/ams/api/v1/payments/pay",
  clientId: "SANDBOX_5J5Y",
  requestTime: "2024-01-15T01:30:00.123Z",
  body: JSON.stringify(order, null, 2),
};

/** Signs `signed` with the provider's key and diagnoses it as received in `received`. */
async function diagnose(
  signed: Partial<SignatureContent>,
  received: Partial<DiagnoseSignatureInput> = {},
) {
  const signature = await createSignature({ ...sent, ...signed }, alipay.privateKeyPkcs8Base64);
  return diagnoseSignature({
    ...sent,
    signature,
    publicKey: alipay.publicKeySpkiBase64,
    ...received,
  });
}

const causes = async (...args: Parameters<typeof diagnose>) =>
  (await diagnose(...args)).causes.map((c) => c.cause);

describe("diagnoseSignature", () => {
  test("has nothing to say about a valid signature", async () => {
    expect(await diagnose({})).toStrictEqual({ valid: true, causes: [] });
  });

  test("finds a body the signer serialized compactly", async () => {
    const { valid, causes } = await diagnose({ body: JSON.stringify(order) });
    expect(valid).toBe(false);
    expect(causes).toStrictEqual([
      {
        cause: "BODY_RESERIALIZED",
        message:
          "The signer signed the body as compact JSON; verify the raw bytes received, never re-serialized JSON.",
        variant: { body: JSON.stringify(order) },
      },
    ]);
  });

  test.each([
    ["4 spaces", JSON.stringify(order, null, 4)],
    [
      "sorted keys",
      JSON.stringify({
        note: order.note,
        paymentAmount: { currency: "USD", value: "599" },
        paymentRequestId: "PAY-1",
      }),
    ],
    [
      "Python's separators",
      '{"paymentRequestId": "PAY-1", "paymentAmount": {"value": "599", "currency": "USD"}, "note": "小笼包 / ☕"}',
    ],
    [
      "\\u escapes",
      '{"paymentRequestId":"PAY-1","paymentAmount":{"value":"599","currency":"USD"},"note":"\\u5c0f\\u7b3c\\u5305 / \\u2615"}',
    ],
    ["escaped slashes", JSON.stringify(order).replace(/\//g, "\\/")],
  ])("finds a body re-serialized with %s", async (_, body) => {
    expect(await causes({ body })).toStrictEqual(["BODY_RESERIALIZED"]);
  });

  test("finds whitespace and line endings around or inside the body", async () => {
    expect(await causes({ body: `${sent.body}\n` })).toStrictEqual(["BODY_WHITESPACE"]);
    expect(await causes({ body: String(sent.body).replace(/\n/g, "\r\n") })).toStrictEqual([
      "BODY_LINE_ENDINGS",
    ]);
  });

  test.each([
    ["epoch milliseconds", "1705282200123"],
    ["ISO without milliseconds", "2024-01-15T01:30:00Z"],
    ["+00:00 instead of Z", "2024-01-15T01:30:00.123+00:00"],
    ["the same instant at +08:00", "2024-01-15T09:30:00.123+08:00"],
  ])("finds a time the signer wrote as %s", async (_, requestTime) => {
    const { causes } = await diagnose({ requestTime });
    expect(causes).toStrictEqual([
      {
        cause: "REQUEST_TIME_REFORMATTED",
        message: `The signer signed the time as "${requestTime}": use the time header verbatim on both sides.`,
        variant: { requestTime },
      },
    ]);
  });

  test("finds epoch seconds read as ISO and the reverse", async () => {
    expect(
      await causes({ requestTime: "1705282200" }, { requestTime: "2024-01-15T01:30:00Z" }),
    ).toStrictEqual(["REQUEST_TIME_REFORMATTED"]);
    expect(
      await causes({ requestTime: "2024-01-15T01:30:00.000Z" }, { requestTime: "1705282200000" }),
    ).toStrictEqual(["REQUEST_TIME_REFORMATTED"]);
  });

  test("finds a signer that signed the whole URL, and a verifier that passed one", async () => {
    expect(await causes({ path: `https://open-sea-global.alipay.com${sent.path}` })).toStrictEqual([
      "PATH_HAS_ORIGIN",
    ]);
    expect(
      await causes({}, { path: `https://open-sea-global.alipay.com${sent.path}` }),
    ).toStrictEqual(["PATH_HAS_ORIGIN"]);
  });

  test("finds a lost query, a trailing slash and a sandbox path", async () => {
    expect(await causes({ path: "/notify" }, { path: "/notify?store=1" })).toStrictEqual([
      "PATH_QUERY_MISMATCH",
    ]);
    expect(await causes({ path: `${sent.path}/` })).toStrictEqual(["PATH_TRAILING_SLASH"]);
    expect(await causes({ path: "/ams/sandbox/api/v1/payments/pay" })).toStrictEqual([
      "PATH_SANDBOX_MISMATCH",
    ]);
  });

  test("finds the method's case and a CRLF in the content", async () => {
    expect(await causes({ method: "post" })).toStrictEqual(["METHOD_CASE"]);
    expect(await causes({ path: `${sent.path}\r` })).toStrictEqual(["CONTENT_CRLF"]);
  });

  test("finds a signer that signed GET, and a verifier that rebuilt GET", async () => {
    expect(await causes({ method: "GET" })).toStrictEqual(["METHOD_MISMATCH"]);
    expect(await causes({}, { method: "GET" })).toStrictEqual(["METHOD_MISMATCH"]);
  });

  test.each([
    ["a trailing newline", `${sent.clientId}\n`],
    ["a trailing CRLF", `${sent.clientId}\r\n`],
    ["a trailing space", `${sent.clientId} `],
  ])("finds a client id signed with %s", async (_, clientId) => {
    const { causes } = await diagnose({ clientId });
    expect(causes).toStrictEqual([
      {
        cause: "CLIENT_ID_WHITESPACE",
        message: `The signer signed the client id as ${JSON.stringify(clientId)}: trim it where it is read.`,
        variant: { clientId },
      },
    ]);
  });

  test("finds a verifier whose client id kept its whitespace", async () => {
    expect(await causes({}, { clientId: `${sent.clientId}\n` })).toStrictEqual([
      "CLIENT_ID_WHITESPACE",
    ]);
  });

  test("finds a signature encoded twice, not at all, or as base64url", async () => {
    const signature = await createSignature(sent, alipay.privateKeyPkcs8Base64);
    const raw = encodeBase64(decodeSignature(signature) ?? new Uint8Array());
    const of = async (value: string) =>
      (
        await diagnoseSignature({ ...sent, signature: value, publicKey: alipay.publicKeySpkiPem })
      ).causes.map((c) => c.cause);
    expect(await of(encodeURIComponent(signature))).toStrictEqual(["SIGNATURE_DOUBLE_ENCODED"]);
    expect(await of(raw)).toStrictEqual(raw.includes("+") ? ["SIGNATURE_NOT_URL_ENCODED"] : []);
    expect(await of(raw.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""))).toStrictEqual([
      "SIGNATURE_BASE64URL",
    ]);
  });

  test("tells that the key used is the merchant's own, in whatever form", async () => {
    const { causes } = await diagnose(
      {},
      { publicKey: merchant.publicKeySpkiPem, merchantPublicKey: merchant.publicKeyPkcs1Pem },
    );
    expect(causes).toStrictEqual([
      {
        cause: "PUBLIC_KEY_IS_MERCHANT_KEY",
        message:
          "The public key used is your own (the merchant's). Verify the provider's signatures with the provider's public key from the portal.",
      },
    ]);
  });

  test("tells that the content was signed with the merchant's key", async () => {
    const signature = await createSignature(sent, merchant.privateKeyPkcs1Base64);
    const diagnosis = await diagnoseSignature({
      ...sent,
      signature: `algorithm=RSA256,keyVersion=1,signature=${signature}`,
      publicKey: alipay.publicKeySpkiBase64,
      merchantPublicKey: merchant.publicKeySpkiBase64,
    });
    expect(diagnosis.causes.map((c) => c.cause)).toStrictEqual(["SIGNED_WITH_MERCHANT_KEY"]);
  });

  test("reports an unusable key or header instead of guessing", async () => {
    expect(await causes({}, { publicKey: alipay.privateKeyPkcs8Base64 })).toStrictEqual([
      "PUBLIC_KEY_INVALID",
    ]);
    const header = await diagnoseSignature({
      ...sent,
      signature: "algorithm=RSA512,signature=abc",
      publicKey: alipay.publicKeySpkiBase64,
    });
    expect(header.causes).toStrictEqual([
      {
        cause: "SIGNATURE_HEADER_INVALID",
        message:
          'Expected a Signature header like "algorithm=RSA256,keyVersion=1,signature=<url-encoded base64>", got algorithm "RSA512". AMS signs with RSA256 (RSASSA-PKCS1-v1_5 with SHA-256) only.',
      },
    ]);
  });

  test("says UNKNOWN when no single change explains it", async () => {
    expect(await causes({ clientId: "OTHER", requestTime: "1" })).toStrictEqual(["UNKNOWN"]);
  });

  test("names the cause of each official negative vector it can explain", async () => {
    const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
    const found: Record<string, string[]> = {};
    for (const c of cases.filter((v) => v.group === "negative")) {
      const diagnosis = await diagnoseSignature({
        method: c.method,
        path: c.path,
        clientId: c.clientId,
        requestTime: c.requestTime,
        body: c.body,
        signature: c.signature,
        publicKey: keys[c.verifyKey].publicKeySpkiBase64,
        // The verifier's own key is the other pair's: the only other key a signer could hold.
        merchantPublicKey:
          keys[c.verifyKey === "merchant" ? "alipay" : "merchant"].publicKeySpkiPem,
      });
      expect(diagnosis.valid).toBe(false);
      found[c.id] = diagnosis.causes.map((cause) => cause.cause);
    }
    expect(found).toStrictEqual({
      "neg-01-tampered-amount": ["UNKNOWN"],
      "neg-02-body-extra-newline": ["BODY_WHITESPACE"],
      "neg-03-body-reescaped": ["BODY_RESERIALIZED"],
      "neg-04-body-reserialised-compact": ["BODY_RESERIALIZED"],
      "neg-05-body-nfd": ["UNKNOWN"],
      "neg-06-wrong-client-id": ["UNKNOWN"],
      "neg-07-client-id-case": ["UNKNOWN"],
      "neg-08-wrong-time": ["UNKNOWN"],
      "neg-09-same-instant-other-format": ["REQUEST_TIME_REFORMATTED"],
      // Signed at "1705282200123": the milliseconds are lost in the seconds checked.
      "neg-10-epoch-ms-vs-s": ["UNKNOWN"],
      "neg-11-wrong-path-sandbox": ["PATH_SANDBOX_MISMATCH"],
      "neg-12-path-trailing-slash": ["PATH_TRAILING_SLASH"],
      "neg-13-wrong-method": ["METHOD_MISMATCH"],
      "neg-14-wrong-key": ["SIGNED_WITH_MERCHANT_KEY"],
      "neg-15-wrong-key-response": ["SIGNED_WITH_MERCHANT_KEY"],
      "neg-16-signature-bitflip": ["UNKNOWN"],
      "neg-17-signature-double-encoded": ["SIGNATURE_DOUBLE_ENCODED"],
      "neg-18-signature-base64url": ["SIGNATURE_BASE64URL"],
      "neg-19-signature-truncated": ["UNKNOWN"],
      "neg-20-empty-signature": ["UNKNOWN"],
      "neg-21-notify-wrong-path": ["UNKNOWN"],
      "neg-22-response-tampered-codevalue": ["UNKNOWN"],
      "neg-23-raw-base64-with-plus": ["SIGNATURE_NOT_URL_ENCODED"],
    });
  });

  test("names the official Python SDK's body behind its compact re-serialization", async () => {
    const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
    const neg = cases.find((c) => c.id === "neg-04-body-reserialised-compact");
    const pos = cases.find((c) => c.id === neg?.derivedFrom);
    if (neg === undefined || pos === undefined)
      throw new Error("vectors neg-04 and pos-01 missing");
    const { causes } = await diagnoseSignature({
      ...neg,
      publicKey: keys.merchant.publicKeySpkiPem,
    });
    expect(causes).toStrictEqual([
      {
        cause: "BODY_RESERIALIZED",
        message:
          "The signer signed the body as JSON indented by 3 spaces with non-ASCII as \\u escapes (the official Python SDK's json.dumps); verify the raw bytes received, never re-serialized JSON.",
        variant: { body: pos.body },
      },
    ]);
  });

  test("works on byte bodies too", async () => {
    const bytes = new TextEncoder().encode(String(sent.body));
    expect(await causes({ body: JSON.stringify(order) }, { body: bytes })).toStrictEqual([
      "BODY_RESERIALIZED",
    ]);
  });
});
