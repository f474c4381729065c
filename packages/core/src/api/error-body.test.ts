import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ErrorBodySchema } from "./error-body.ts";
import { WORKER_ERROR_CODES } from "./worker-error-codes.ts";

describe("ErrorBodySchema", () => {
  it("accepts every Worker error code, keeping fields it does not know", () => {
    for (const code of WORKER_ERROR_CODES) {
      const body = { error: { code, message: "what was expected", hint: "later" }, requestId: "1" };
      expect(v.parse(ErrorBodySchema, body)).toStrictEqual(body);
    }
  });

  it("refuses a code the Worker does not answer with, and a body without a message", () => {
    expect(v.is(ErrorBodySchema, { error: { code: "UNAUTHORIZED", message: "no" } })).toBe(false);
    expect(v.is(ErrorBodySchema, { error: { code: "INTERNAL" } })).toBe(false);
    expect(v.is(ErrorBodySchema, { code: "INTERNAL", message: "flat" })).toBe(false);
  });
});
