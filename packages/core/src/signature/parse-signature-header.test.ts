import { describe, expect, test } from "vitest";
import { parseSignatureHeader } from "./parse-signature-header.ts";
import { SignatureHeaderError } from "./signature-header-error.ts";

describe("parseSignatureHeader", () => {
  test.each([
    ["algorithm=RSA256,keyVersion=1,signature=a%2Fb%3D%3D", "1", "a%2Fb%3D%3D"],
    ["algorithm=RSA256, keyVersion=2, signature=abc", "2", "abc"],
    ["  Algorithm = rsa256 ,KEYVERSION= 7 ,  Signature = abc  ", "7", "abc"],
    ["signature=abc==,algorithm=RSA256", "1", "abc=="],
    ['algorithm="RSA256",keyVersion="3",signature="abc"', "3", "abc"],
    ["algorithm=RSA256,signature=abc,,extra=ignored,", "1", "abc"],
  ])("reads %j", (header, keyVersion, signature) => {
    expect(parseSignatureHeader(header)).toStrictEqual({
      algorithm: "RSA256",
      keyVersion,
      signature,
    });
  });

  test.each([
    ["", "SIGNATURE_HEADER_EMPTY"],
    ["   ", "SIGNATURE_HEADER_EMPTY"],
    ["algorithm=RSA256,signature", "SIGNATURE_HEADER_MALFORMED"],
    ["algorithm=RSA256,keyVersion=,signature=abc", "SIGNATURE_HEADER_MALFORMED"],
    ["algorithm=RSA256,signature=a,Signature=b", "SIGNATURE_HEADER_DUPLICATE"],
    ["keyVersion=1,signature=abc", "SIGNATURE_ALGORITHM_MISSING"],
    ["algorithm=RSA2048,signature=abc", "SIGNATURE_ALGORITHM_UNSUPPORTED"],
    ["algorithm=RSA,signature=abc", "SIGNATURE_ALGORITHM_UNSUPPORTED"],
    ["algorithm=SHA1withRSA,signature=abc", "SIGNATURE_ALGORITHM_UNSUPPORTED"],
    ["algorithm=RSA256,keyVersion=1", "SIGNATURE_VALUE_MISSING"],
    ["algorithm=RSA256,signature=", "SIGNATURE_VALUE_MISSING"],
  ])("refuses %j with %s", (header, code) => {
    let error: unknown;
    try {
      parseSignatureHeader(header);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignatureHeaderError);
    expect((error as SignatureHeaderError).code).toBe(code);
  });

  test("says what was expected and what was seen; the hint, once, what to do", () => {
    expect(() => parseSignatureHeader("algorithm=RSA512,signature=abc")).toThrow(
      expect.objectContaining({
        name: "SignatureHeaderError",
        code: "SIGNATURE_ALGORITHM_UNSUPPORTED",
        message:
          'Expected a Signature header like "algorithm=RSA256,keyVersion=1,signature=<url-encoded base64>", got algorithm "RSA512".',
        hint: "AMS signs with RSA256 (RSASSA-PKCS1-v1_5 with SHA-256) only.",
      }),
    );
  });

  test("a non-string is API misuse", () => {
    expect(() => parseSignatureHeader(undefined as unknown as string)).toThrow(TypeError);
  });
});
