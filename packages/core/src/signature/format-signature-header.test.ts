import { describe, expect, test } from "vitest";
import { formatSignatureHeader } from "./format-signature-header.ts";
import { parseSignatureHeader } from "./parse-signature-header.ts";

describe("formatSignatureHeader", () => {
  test("defaults keyVersion to 1 and keeps an encoded signature as it is", () => {
    expect(formatSignatureHeader({ signature: "ab%2Bc%3D" })).toBe(
      "algorithm=RSA256,keyVersion=1,signature=ab%2Bc%3D",
    );
  });

  test("URL-encodes a plain base64 signature and takes a numeric keyVersion", () => {
    expect(formatSignatureHeader({ signature: "ab+/c=", keyVersion: 2 })).toBe(
      "algorithm=RSA256,keyVersion=2,signature=ab%2B%2Fc%3D",
    );
  });

  test("round-trips through parseSignatureHeader", () => {
    const header = formatSignatureHeader({ signature: "x%2Fy", keyVersion: "v3" });
    expect(parseSignatureHeader(header)).toStrictEqual({
      algorithm: "RSA256",
      keyVersion: "v3",
      signature: "x%2Fy",
    });
  });

  test.each([
    [{ signature: "abc", keyVersion: "1,2" }],
    [{ signature: "abc", keyVersion: "" }],
    [{ signature: "abc", keyVersion: "a b" }],
    [{ signature: "" }],
  ])("refuses %j with a TypeError", (input) => {
    expect(() => formatSignatureHeader(input)).toThrow(TypeError);
  });
});
