import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64.ts";

describe("base64", () => {
  test("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toStrictEqual(bytes);
      }),
    );
  });

  test("encodes with padding", () => {
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]))).toBe("+/8=");
  });

  test.each(["+/8", "-_8=", "+/8==", "a b=", "====", "A", "AA=A", "A===", "AA==AAAA", "é/8="])(
    "refuses %j",
    (text) => {
      expect(decodeBase64(text)).toBeUndefined();
    },
  );

  test("reads %2B, %2F and %3D in either case when escaped, and nothing else", () => {
    expect(decodeBase64("%2B%2f8%3D", true)).toStrictEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64("%2b/8=", true)).toStrictEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64("%2B%2f8%3D")).toBeUndefined();
    expect(decodeBase64("+/8=", true)).toBeUndefined();
    expect(decodeBase64("%41/8=", true)).toBeUndefined();
    expect(decodeBase64("%2", true)).toBeUndefined();
  });

  test("round-trips any bytes through their URL-encoded base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64(encodeURIComponent(encodeBase64(bytes)), true)).toStrictEqual(bytes);
      }),
    );
  });

  test("agrees with a plain reference decoder on any text made of the characters that matter", () => {
    const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    const reference = (text: string, escaped: boolean) => {
      let plain = text;
      if (escaped) {
        if (plain.includes("+")) return undefined;
        plain = plain.replace(/%2b/gi, "+").replace(/%2f/gi, "/").replace(/%3d/gi, "=");
      }
      if (!strict.test(plain)) return undefined;
      return Uint8Array.from(atob(plain), (c) => c.charCodeAt(0));
    };
    const text = fc.string({
      unit: fc.constantFrom(..."AQgw09+/=%2B3bFDfd é"),
      maxLength: 24,
    });
    fc.assert(
      fc.property(text, fc.boolean(), (sample, escaped) => {
        expect(decodeBase64(sample, escaped)).toStrictEqual(reference(sample, escaped));
      }),
      { numRuns: 5000 },
    );
  });

  test("decodes into a given buffer when the bytes surely fit, and into a new one otherwise", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, spare) => {
        const text = encodeURIComponent(encodeBase64(bytes));
        const into = new Uint8Array(spare).fill(7);
        const decoded = decodeBase64(text, true, into);
        expect(decoded).toStrictEqual(bytes);
        const fits = spare >= (text.length >> 2) * 3 + 3;
        expect(decoded?.buffer === into.buffer).toBe(fits);
        if (!fits) expect(into.every((b) => b === 7)).toBe(true);
      }),
    );
  });
});
