import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS as vectors } from "../fixtures/official-python-sdk.ts";
import { CancelRequestSchema, CancelResponseSchema } from "./cancel-schema.ts";
import { parseWithUnknownKeys } from "./find-unknown-keys.ts";
import {
  InquiryPaymentRequestSchema,
  InquiryPaymentResponseSchema,
} from "./inquiry-payment-schema.ts";
import {
  InquiryRefundRequestSchema,
  InquiryRefundResponseSchema,
} from "./inquiry-refund-schema.ts";
import { NotificationSchema } from "./notification-schema.ts";
import { PayRequestSchema } from "./pay-request-schema.ts";
import { PayResponseSchema } from "./pay-response-schema.ts";
import { RefundRequestSchema, RefundResponseSchema } from "./refund-schema.ts";

const ENDPOINTS: Record<string, { request: v.GenericSchema; response: v.GenericSchema }> = {
  pay: { request: PayRequestSchema, response: PayResponseSchema },
  inquiryPayment: { request: InquiryPaymentRequestSchema, response: InquiryPaymentResponseSchema },
  cancel: { request: CancelRequestSchema, response: CancelResponseSchema },
  refund: { request: RefundRequestSchema, response: RefundResponseSchema },
  inquiryRefund: { request: InquiryRefundRequestSchema, response: InquiryRefundResponseSchema },
};

/** The schema a body belongs to: by path (gateway endpoint or notify URL) and by `result`. */
function schemaFor(path: string, body: unknown): v.GenericSchema {
  if (!path.startsWith("/ams/")) return NotificationSchema;
  const endpoint = path.replace(/\/$/, "").split("/").at(-1) ?? "";
  const schemas = ENDPOINTS[endpoint];
  if (schemas === undefined) throw new Error(`no schema for ${path}`);
  return typeof body === "object" && body !== null && "result" in body
    ? schemas.response
    : schemas.request;
}

/**
 * Bodies that exist only to exercise signing (bytes, escapes, whitespace, sizes): fragments of a
 * request, not whole messages, so the endpoint's strict request schema must refuse them. The
 * value is the first issue's dotted path.
 */
const SIGNING_FRAGMENTS: Record<string, string | null> = {
  "pos-08-pay-raw-utf8-chinese": "paymentFactor",
  "pos-09-pay-escaped-chinese": "paymentFactor",
  "pos-10-pay-emoji": "paymentFactor",
  "pos-11-pay-escaped-slashes": "paymentFactor",
  "pos-12-pay-whitespace": "paymentFactor",
  "pos-13-pay-large-amounts": "paymentFactor",
  "pos-15-empty-object": null,
  "pos-16-sandbox-path": "paymentFactor",
  "pos-18-nfc": "paymentFactor",
  "pos-19-large-body": "paymentFactor",
  "pos-21-unicode-separators": "paymentFactor",
  "pos-32-live-sdk-time": "paymentFactor",
  "neg-02-body-extra-newline": "paymentFactor",
  "neg-03-body-reescaped": "paymentFactor",
  "neg-05-body-nfd": "paymentFactor",
  "neg-12-path-trailing-slash": "paymentFactor",
  "neg-13-wrong-method": "paymentFactor",
  "neg-19-signature-truncated": "paymentFactor",
  "neg-20-empty-signature": "paymentFactor",
};

/** A User-Presented Code pay request: a third in-store scenario this library does not build. */
const UNSUPPORTED_SCENARIO = "pos-03-upc-pay-sdk-body";

/** Not JSON at all: a body of dots and newlines around JSON, for the signature's separators. */
const NOT_JSON = "pos-17-body-with-dots-newlines";

describe("official SDK vector bodies", () => {
  it("has 60 cases, two of them with an empty body (not a schema case)", () => {
    expect(vectors.cases.length).toBe(60);
    expect(vectors.cases.filter((c) => c.body === "").map((c) => c.id)).toStrictEqual([
      "pos-14-empty-body",
      "pos-20-get-method",
    ]);
  });

  const parsedCases = vectors.cases.filter(
    (c) =>
      c.body !== "" &&
      !(c.id in SIGNING_FRAGMENTS) &&
      c.id !== UNSUPPORTED_SCENARIO &&
      c.id !== NOT_JSON,
  );

  it("parses 37 whole messages", () => {
    expect(parsedCases.length).toBe(37);
  });

  for (const c of parsedCases) {
    it(`${c.id} parses with the schema of ${c.path}, with no unknown keys`, () => {
      const body: unknown = JSON.parse(c.body);
      const { output, unknownKeys } = parseWithUnknownKeys(schemaFor(c.path, body), body);
      expect(unknownKeys).toStrictEqual([]);
      expect(output).toStrictEqual(body);
    });
  }

  for (const [id, path] of Object.entries(SIGNING_FRAGMENTS)) {
    it(`${id} is a signing fragment that the request schema refuses`, () => {
      const c = vectors.cases.find((candidate) => candidate.id === id);
      const body: unknown = JSON.parse(c?.body ?? "");
      const schema = schemaFor(c?.path ?? "", body);
      const result = v.safeParse(schema, body);
      expect(result.success).toBe(false);
      expect(result.issues?.[0] && v.getDotPath(result.issues[0])).toBe(path);
      // Incomplete, not merely carrying extra keys: still refused when unknown keys are allowed.
      expect(() => parseWithUnknownKeys(schema, body)).toThrow(v.ValiError);
    });
  }

  it("refuses the PaymentCode scenario with a message naming the two it supports", () => {
    const c = vectors.cases.find((candidate) => candidate.id === UNSUPPORTED_SCENARIO);
    const result = v.safeParse(PayRequestSchema, JSON.parse(c?.body ?? ""));
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      [
        "paymentFactor",
        'Expected paymentFactor to be exactly { "inStorePaymentScenario": "OrderCode" } or { "inStorePaymentScenario": "EntryCode" }',
      ],
    ]);
  });

  it("has one body that is not JSON", () => {
    const c = vectors.cases.find((candidate) => candidate.id === NOT_JSON);
    expect(() => JSON.parse(c?.body ?? "")).toThrow(SyntaxError);
  });
});
