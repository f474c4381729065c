import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS as vectors } from "../fixtures/official-python-sdk.ts";
import { SEED_BODIES } from "../fixtures/seed-bodies.ts";
import { CancelRequestSchema, CancelResponseSchema } from "./cancel-schema.ts";
import { entryCodePayment } from "./entry-code-payment.ts";
import { findUnknownKeys, parseWithUnknownKeys } from "./find-unknown-keys.ts";
import {
  InquiryPaymentRequestSchema,
  InquiryPaymentResponseSchema,
} from "./inquiry-payment-schema.ts";
import {
  InquiryRefundRequestSchema,
  InquiryRefundResponseSchema,
} from "./inquiry-refund-schema.ts";
import { NotificationAckSchema } from "./notification-ack.ts";
import { NotificationSchema } from "./notification-schema.ts";
import { orderCodePayment } from "./order-code-payment.ts";
import { PayRequestSchema } from "./pay-request-schema.ts";
import { PayResponseSchema } from "./pay-response-schema.ts";
import type { EntryCodePaymentParams } from "./payment-params.ts";
import { RefundRequestSchema, RefundResponseSchema } from "./refund-schema.ts";
import { RequestError } from "./request-error.ts";

const SCHEMAS: v.GenericSchema[] = [
  PayRequestSchema,
  PayResponseSchema,
  InquiryPaymentRequestSchema,
  InquiryPaymentResponseSchema,
  CancelRequestSchema,
  CancelResponseSchema,
  RefundRequestSchema,
  RefundResponseSchema,
  InquiryRefundRequestSchema,
  InquiryRefundResponseSchema,
  NotificationSchema,
  NotificationAckSchema,
];

/** Every valid JSON body we have: the seeds and the vectors' whole messages. */
const BODIES: unknown[] = [
  ...SEED_BODIES.map((seed) => JSON.parse(seed.body) as unknown),
  ...vectors.cases.flatMap((c) => {
    try {
      return c.body === "" ? [] : [JSON.parse(c.body) as unknown];
    } catch {
      return [];
    }
  }),
];

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/** A copy of `body` with the value at `path` replaced, removed (undefined marker) or given a sibling. */
function mutate(body: unknown, path: Path, op: "set" | "delete" | "add", value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? "";
  if (op === "set") node[last] = value;
  else if (op === "delete") delete node[last];
  else node[`${String(last)}_x`] = value;
  return copy;
}

const mutatedBody = fc
  .constantFrom(...BODIES)
  .chain((body) => {
    const paths = pathsOf(body);
    return fc.tuple(
      fc.constant(body),
      paths.length === 0 ? fc.constant<Path>([]) : fc.constantFrom(...paths),
      fc.constantFrom("set" as const, "delete" as const, "add" as const),
      fc.anything(),
    );
  })
  .map(([body, path, op, value]) => (path.length === 0 ? value : mutate(body, path, op, value)));

/** True when `fn` returns, or throws only a ValiError or our typed error. */
function failsCleanly(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof v.ValiError || error instanceof RequestError;
  }
}

describe("fuzzing malformed input", () => {
  it("schemas and the unknown-key helpers only ever throw ValiError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMAS),
        fc.oneof(fc.anything(), fc.jsonValue(), mutatedBody),
        (schema, input) => {
          expect(Array.isArray(findUnknownKeys(schema, input))).toBe(true);
          return (
            failsCleanly(() => v.parse(schema, input)) &&
            failsCleanly(() => parseWithUnknownKeys(schema, input))
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("builders only ever throw RequestError", () => {
    const base: EntryCodePaymentParams = {
      paymentRequestId: "pay-1",
      paymentAmount: { currency: "USD", value: "599" },
      orderDescription: "Tea",
      merchant: {
        referenceMerchantId: "M1",
        merchantMCC: "5812",
        merchantName: "Cafe",
        store: { referenceStoreId: "S1", storeName: "Main" },
      },
      paymentNotifyUrl: "https://shop.example/n",
      userAgent: "UA",
    };
    const keys = [
      ...Object.keys(base),
      "orderAmount",
      "referenceOrderId",
      "paymentExpiryTime",
      "paymentRedirectUrl",
    ];
    const value = fc.oneof(fc.anything(), fc.string(), fc.date({ noInvalidDate: false }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (overrides) => {
        const params = { ...base, ...overrides } as EntryCodePaymentParams;
        return (
          failsCleanly(() => orderCodePayment(params, { now: 0 })) &&
          failsCleanly(() => entryCodePayment(params, { now: 0 }))
        );
      }),
      { numRuns: 2000 },
    );
  });
});
