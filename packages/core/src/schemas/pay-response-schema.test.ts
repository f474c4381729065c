import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { PayResponseSchema } from "./pay-response-schema.ts";

const RESULT = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };
const DETAIL = {
  codeValueType: "QRCODE",
  codeValue: "https://qr.alipay.com/bax0",
  displayType: "TEXT",
};

function response(codeDetails: unknown[]): unknown {
  return {
    result: RESULT,
    orderCodeForm: { expireTime: "2024-01-15T09:44:00+08:00", codeDetails },
  };
}

describe("PayResponseSchema", () => {
  it("accepts a failure that carries only the result", () => {
    const body = {
      result: { resultCode: "PARAM_ILLEGAL", resultStatus: "F", resultMessage: "bad" },
    };
    expect(v.parse(PayResponseSchema, body)).toStrictEqual(body);
  });

  it("accepts a result without resultMessage", () => {
    expect(
      v.is(PayResponseSchema, { result: { resultCode: "UNKNOWN_EXCEPTION", resultStatus: "U" } }),
    ).toBe(true);
  });

  it("refuses a resultStatus other than S, F or U", () => {
    expect(v.is(PayResponseSchema, { result: { ...RESULT, resultStatus: "s" } })).toBe(false);
  });

  it("takes up to four code details", () => {
    expect(v.is(PayResponseSchema, response([DETAIL, DETAIL, DETAIL, DETAIL]))).toBe(true);
    const issues = v.safeParse(
      PayResponseSchema,
      response([DETAIL, DETAIL, DETAIL, DETAIL, DETAIL]),
    ).issues;
    expect(issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      ["orderCodeForm.codeDetails", "Invalid length: Expected <=4 but received 5"],
    ]);
  });

  it("takes a codeValue of up to 2048 characters", () => {
    expect(v.is(PayResponseSchema, response([{ ...DETAIL, codeValue: "c".repeat(2048) }]))).toBe(
      true,
    );
    expect(v.is(PayResponseSchema, response([{ ...DETAIL, codeValue: "c".repeat(2049) }]))).toBe(
      false,
    );
  });

  it.each(["TEXT", "SMALLIMAGE", "MIDDLEIMAGE", "BIGIMAGE", "IMAGE"])(
    "takes displayType %s",
    (displayType) => {
      expect(v.is(PayResponseSchema, response([{ ...DETAIL, displayType }]))).toBe(true);
    },
  );

  it("refuses an unknown displayType or codeValueType", () => {
    expect(v.is(PayResponseSchema, response([{ ...DETAIL, displayType: "HUGEIMAGE" }]))).toBe(
      false,
    );
    expect(v.is(PayResponseSchema, response([{ ...DETAIL, codeValueType: "NFC" }]))).toBe(false);
    expect(v.is(PayResponseSchema, response([{ ...DETAIL, codeValueType: "BARCODE" }]))).toBe(true);
  });

  it("keeps unknown fields at every level", () => {
    const body = {
      result: { ...RESULT, traceId: "abc" },
      redirectActionForm: {
        method: "GET",
        redirectUrl: "alipays://platformapi/startApp?x=1",
        target: "_self",
      },
      schemeUrl: "alipays://platformapi/startApp?x=1",
      futureField: { nested: ["kept"] },
    };
    expect(v.parse(PayResponseSchema, body)).toStrictEqual(body);
  });

  it("refuses a number where the wire has a string", () => {
    expect(
      v.is(PayResponseSchema, { result: RESULT, paymentAmount: { currency: "USD", value: 599 } }),
    ).toBe(false);
  });
});
