import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { findUnknownKeys, parseWithUnknownKeys } from "./find-unknown-keys.ts";
import { NotificationSchema } from "./notification-schema.ts";
import { PayResponseSchema } from "./pay-response-schema.ts";

const Loose = v.looseObject({
  a: v.string(),
  list: v.optional(v.array(v.looseObject({ x: v.string() }))),
  inner: v.optional(v.strictObject({ y: v.string() })),
  plain: v.optional(v.object({ z: v.string() })),
  maybe: v.nullish(v.looseObject({ w: v.string() })),
  either: v.optional(v.union([v.string(), v.looseObject({ u: v.string() })])),
});

describe("findUnknownKeys", () => {
  it("lists unknown keys as dotted paths in input order, through arrays, wrappers and unions", () => {
    const value = {
      extra1: 1,
      a: "x",
      list: [{ x: "1" }, { x: "2", extraInList: true }],
      inner: { y: "y", extraStrict: 1 },
      plain: { z: "z", extraPlain: 1 },
      maybe: { w: "w", extraNullish: 1 },
      either: { u: "u", extraUnion: 1 },
      extra2: null,
    };
    expect(findUnknownKeys(Loose, value)).toStrictEqual([
      "extra1",
      "list.1.extraInList",
      "inner.extraStrict",
      "plain.extraPlain",
      "maybe.extraNullish",
      "either.extraUnion",
      "extra2",
    ]);
  });

  it("returns nothing for values that are not objects or do not match the shape", () => {
    expect(findUnknownKeys(Loose, null)).toStrictEqual([]);
    expect(findUnknownKeys(Loose, "text")).toStrictEqual([]);
    expect(findUnknownKeys(Loose, [{ a: "x" }])).toStrictEqual([]);
    expect(findUnknownKeys(Loose, { a: 1, list: "no", maybe: null, either: "s" })).toStrictEqual(
      [],
    );
  });

  it("follows the variant member named by the discriminator", () => {
    const notification = {
      notifyType: "REFUND_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "ok", traceId: "t" },
      refundId: "r",
      paymentRequestId: "p",
    };
    // paymentRequestId is a PAYMENT_RESULT field, unknown to REFUND_RESULT.
    expect(findUnknownKeys(NotificationSchema, notification)).toStrictEqual([
      "result.traceId",
      "paymentRequestId",
    ]);
  });

  it("enters no member when no discriminator matches", () => {
    expect(findUnknownKeys(NotificationSchema, { notifyType: 7, x: 1 })).toStrictEqual([]);
  });

  it("reports keys declared under another spelling", () => {
    const response = {
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      orderCodeForm: { expireTime: "t", codeDetails: [], expiryTime: "t" },
      NormalUrl: "https://example.test",
    };
    expect(findUnknownKeys(PayResponseSchema, response)).toStrictEqual([
      "orderCodeForm.expiryTime",
      "NormalUrl",
    ]);
  });
});

describe("parseWithUnknownKeys", () => {
  it("keeps unknown keys in loose output and drops them from strict output", () => {
    const { output, unknownKeys } = parseWithUnknownKeys(Loose, {
      a: "x",
      extra: 1,
      inner: { y: "y", gone: 2 },
    });
    expect(output).toStrictEqual({ a: "x", extra: 1, inner: { y: "y" } });
    expect(unknownKeys).toStrictEqual(["extra", "inner.gone"]);
  });

  it("throws valibot's ValiError for anything but unknown keys", () => {
    expect(() => parseWithUnknownKeys(Loose, { a: 1, extra: 1 })).toThrow(v.ValiError);
  });

  it("keeps an own __proto__ key as data and never as a prototype", () => {
    const input: unknown = JSON.parse('{"a":"x","__proto__":{"polluted":true}}');
    const { output, unknownKeys } = parseWithUnknownKeys(Loose, input);
    expect(unknownKeys).toStrictEqual(["__proto__"]);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect("polluted" in output).toBe(false);
  });

  it("does not change its input", () => {
    const input = { a: "x", inner: { y: "y", gone: 2 } };
    parseWithUnknownKeys(Loose, input);
    expect(input).toStrictEqual({ a: "x", inner: { y: "y", gone: 2 } });
  });
});
