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
});
