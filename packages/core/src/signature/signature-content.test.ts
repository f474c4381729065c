import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { signatureContent } from "./signature-content.ts";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("signatureContent", () => {
  test("builds exactly the official SDK's content for every case that records it", () => {
    for (const c of OFFICIAL_PYTHON_SDK_VECTORS.cases) {
      if (c.contentToSign !== undefined) expect(decode(signatureContent(c))).toBe(c.contentToSign);
    }
  });

  test("uses body bytes as they are, without decoding them", () => {
    const body = new Uint8Array([0xff, 0x00, 0x7b]);
    const content = signatureContent({
      method: "POST",
      path: "/p",
      clientId: "C",
      requestTime: "1",
      body,
    });
    expect([...content]).toStrictEqual([
      ...new TextEncoder().encode("POST /p\nC.1."),
      0xff,
      0x00,
      0x7b,
    ]);
  });

  test("keeps the method's case and adds nothing after the body", () => {
    const content = signatureContent({
      method: "post",
      path: "/p?q=1",
      clientId: "C",
      requestTime: "t",
      body: "",
    });
    expect(decode(content)).toBe("post /p?q=1\nC.t.");
  });

  test("refuses non-string fields and bodies that are neither string nor bytes", () => {
    const base = { method: "POST", path: "/p", clientId: "C", requestTime: "1", body: "" };
    expect(() => signatureContent({ ...base, requestTime: 1 as unknown as string })).toThrow(
      new TypeError("signatureContent: method, path, clientId and requestTime must be strings"),
    );
    expect(() => signatureContent({ ...base, body: {} as unknown as string })).toThrow(
      new TypeError("signatureContent: body must be a string or a Uint8Array"),
    );
  });

  test("writes into a given buffer when the bytes surely fit, and into a new one otherwise", () => {
    const body = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.uint8Array());
    fc.assert(
      fc.property(body, fc.nat(200), (b, spare) => {
        const c = { method: "POST", path: "/p", clientId: "C", requestTime: "1", body: b };
        const into = new Uint8Array(spare).fill(7);
        const content = signatureContent(c, into);
        expect(content).toStrictEqual(signatureContent(c));
        const head = "POST /p\nC.1.";
        const fits =
          spare >= (typeof b === "string" ? (head + b).length * 3 : head.length * 3 + b.length);
        expect(content.buffer === into.buffer).toBe(fits);
        if (!fits) expect(into.every((x) => x === 7)).toBe(true);
      }),
    );
  });
});
