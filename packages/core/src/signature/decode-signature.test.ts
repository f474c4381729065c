import { describe, expect, test } from "vitest";
import { decodeSignature, isSignatureHeader } from "./decode-signature.ts";
import { percentDecode } from "./signature-variants.ts";

describe("decodeSignature", () => {
  test.each([
    ["URL-encoded, upper-case hex", "%2F%2B8%3D"],
    ["URL-encoded, lower-case hex", "%2f%2b8%3d"],
    ["a whole header", "algorithm=RSA256, keyVersion=2, signature=%2F%2B8%3D"],
  ])("decodes %s", (_, value) => {
    expect(decodeSignature(value)).toStrictEqual(new Uint8Array([0xff, 0xef]));
  });

  test("accepts plain base64 without a plus sign", () => {
    expect(decodeSignature("//8=")).toStrictEqual(new Uint8Array([0xff, 0xff]));
  });

  test.each([
    ["raw base64 with +, which the provider reads as a space", "+/8="],
    ["double URL-encoding", "%252F%252B8%253D"],
    ["another escape", "%2F%2B8%41"],
    ["a broken escape", "%2F%2B8%3"],
    ["base64url", "_-8"],
    ["a header with another algorithm", "algorithm=RSA512,signature=%2F%2B8%3D"],
    ["a header without signature", "algorithm=RSA256,keyVersion=1"],
    ["an empty string", ""],
  ])("gives undefined for %s", (_, value) => {
    expect(decodeSignature(value)).toBeUndefined();
  });
});

describe("helpers", () => {
  test("isSignatureHeader tells a header from a value", () => {
    expect(isSignatureHeader(" Signature=abc")).toBe(true);
    expect(isSignatureHeader("a,b")).toBe(true);
    expect(isSignatureHeader("abc%3D")).toBe(false);
    expect(isSignatureHeader("abc==")).toBe(false);
  });

  test("percentDecode reads either hex case and leaves other text alone", () => {
    expect(percentDecode("a%2fb%2Fc%zz%4")).toBe("a/b/c%zz%4");
  });
});
