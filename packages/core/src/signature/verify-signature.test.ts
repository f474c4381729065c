import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { importPrivateKey } from "../keys/import-private-key.ts";
import { importPublicKey } from "../keys/import-public-key.ts";
import { createSignature } from "./create-signature.ts";
import type { SignatureContent } from "./signature-content.ts";
import { verifySignature } from "./verify-signature.ts";

const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;
const response = cases.find((c) => c.id === "pos-22-response-ordercode");
if (response === undefined) throw new Error("vector pos-22 is missing");
const alipayPublic = keys.alipay.publicKeySpkiBase64;

describe("verifySignature on a known signature", () => {
  test.each([
    ["the URL-encoded value", response.signature],
    [
      "the URL-encoded value in lower-case hex",
      response.signature.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    ],
    ["the whole header", `algorithm=RSA256,keyVersion=1,signature=${response.signature}`],
    [
      "the whole header with spaces and odd case",
      `Algorithm = rsa256, keyVersion = 9, SIGNATURE = ${response.signature}`,
    ],
  ])("accepts %s", async (_, signature) => {
    expect(await verifySignature(response, signature, alipayPublic)).toBe(true);
  });

  test.each([
    ["raw base64 (its + would arrive as a space)", response.rawSignature ?? ""],
    ["a header with another algorithm", `algorithm=RSA512,signature=${response.signature}`],
    ["a header without a signature", "algorithm=RSA256,keyVersion=1"],
    ["the signature of another content", cases[0]?.signature ?? ""],
    ["one byte short", response.signature.slice(0, -6)],
    ["garbage", "not a signature"],
  ])("answers false for %s", async (_, signature) => {
    expect(await verifySignature(response, signature, alipayPublic)).toBe(false);
  });

  test("rejects a private key given as the verification key", async () => {
    await expect(
      verifySignature(response, response.signature, keys.alipay.privateKeyPkcs8Pem),
    ).rejects.toMatchObject({
      name: "KeyError",
      code: "KEY_NOT_PUBLIC",
    });
  });

  test("a non-string signature is API misuse", async () => {
    await expect(
      verifySignature(response, null as unknown as string, alipayPublic),
    ).rejects.toThrow(TypeError);
  });
});

// Valid Unicode only: lone surrogates all encode to U+FFFD, so two different strings could sign
// the same bytes, which is not a change of the content.
const text = (maxLength: number) => fc.string({ unit: "grapheme", maxLength });
const content = fc.record({
  method: fc.constantFrom("POST", "GET"),
  path: text(40).map((p) => `/${p}`),
  clientId: text(30),
  requestTime: fc.oneof(
    fc.integer({ min: 0 }).map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
  body: text(300),
});

function changeOneCharacter(value: string, at: number, to: string): string | undefined {
  const chars = [...value];
  if (chars.length === 0) return undefined;
  const i = at % chars.length;
  if (chars[i] === to) return undefined;
  chars[i] = to;
  return chars.join("");
}

describe("properties", () => {
  test("every signature verifies against the content it was made for", async () => {
    const privateKey = await importPrivateKey(keys.merchant.privateKeyPkcs8Base64);
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        const signature = await createSignature(c, privateKey);
        expect(await verifySignature(c, signature, keys.merchant.publicKeySpkiBase64)).toBe(true);
        expect(
          await verifySignature(
            { ...c, body: new TextEncoder().encode(c.body) },
            signature,
            keys.merchant.publicKeySpkiBase64,
          ),
        ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test("changing any one byte of the body fails", async () => {
    const publicKey = await importPublicKey(keys.merchant.publicKeySpkiBase64);
    await fc.assert(
      fc.asyncProperty(content, fc.nat(), fc.integer({ min: 1, max: 255 }), async (c, at, xor) => {
        const bytes = new TextEncoder().encode(c.body);
        fc.pre(bytes.length > 0);
        const signature = await createSignature(c, keys.merchant.privateKeyPkcs8Base64);
        const changed = bytes.slice();
        changed[at % bytes.length] = (changed[at % bytes.length] as number) ^ xor;
        expect(await verifySignature({ ...c, body: changed }, signature, publicKey)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  test("changing any one character of path, client id or time fails", async () => {
    const publicKey = await importPublicKey(keys.merchant.publicKeySpkiBase64);
    const field = fc.constantFrom("path" as const, "clientId" as const, "requestTime" as const);
    await fc.assert(
      fc.asyncProperty(content, field, fc.nat(), text(1), async (c, name, at, to) => {
        const changed = changeOneCharacter(c[name], at, to);
        fc.pre(changed !== undefined && to !== "");
        const signature = await createSignature(c, keys.merchant.privateKeyPkcs8Base64);
        const tampered: SignatureContent = { ...c, [name]: changed };
        expect(await verifySignature(tampered, signature, publicKey)).toBe(false);
      }),
      { numRuns: 90 },
    );
  });
});
