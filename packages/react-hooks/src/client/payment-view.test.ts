import {
  PAYMENT_SCENARIOS,
  PAYMENT_STATUSES,
  type PaymentView,
  PaymentViewSchema,
  REFUND_VIEW_STATUSES,
} from "@ams-edge/core/api";
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { payment } from "../testing/fixtures.ts";
import { isPaymentView } from "./payment-view.ts";

/** The fields the guard checks; the property below holds it to the schema on exactly these. */
const guarded = ["paymentRequestId", "status", "amount", "version"] as const;
const GuardedSchema = v.pick(PaymentViewSchema, guarded);

const time = fc
  .date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2099-12-31T23:59:59Z"),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
const amount = fc.record({
  currency: fc.stringMatching(/^[A-Z]{3}$/),
  value: fc.stringMatching(/^\d{1,18}$/),
});
const nullableText = fc.option(fc.string(), { nil: null });

/** Views the schema accepts: every field within its rules, refunds present or not. */
const validView: fc.Arbitrary<PaymentView> = fc.record(
  {
    paymentRequestId: fc.string(),
    paymentId: nullableText,
    scenario: fc.constantFrom(...PAYMENT_SCENARIOS),
    status: fc.constantFrom(...PAYMENT_STATUSES),
    amount,
    description: fc.string(),
    storeId: fc.string(),
    code: fc.option(
      fc.record({
        value: fc.string(),
        type: fc.constantFrom("QRCODE" as const, "BARCODE" as const),
        expiresAt: time,
      }),
      { nil: null },
    ),
    redirectUrl: nullableText,
    resultCode: nullableText,
    refunded: amount,
    refunds: fc.array(
      fc.record({
        refundRequestId: fc.string(),
        status: fc.constantFrom(...REFUND_VIEW_STATUSES),
        amount,
      }),
      { maxLength: 3 },
    ),
    createdAt: time,
    updatedAt: time,
    expiresAt: time,
    version: fc.nat(),
  },
  { requiredKeys: [...Object.keys(payment)] as (keyof PaymentView)[] },
);

/** Values one step off the rules, beside arbitrary ones. */
const wrongValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    null,
    "",
    "refunded",
    "usd",
    "US",
    "5.99",
    "-1",
    " 599",
    -1,
    1.5,
    Number.NaN,
    "1",
    [],
    {},
    { currency: "USD" },
    { value: "599" },
    { currency: "USD", value: 599 },
  ),
);

type Path = readonly string[];
const paths: Path[] = [
  ...Object.keys(payment).map((key) => [key]),
  ["refunds"],
  ["amount", "currency"],
  ["amount", "value"],
  ["code", "type"],
  ["code", "expiresAt"],
  ["refunded", "value"],
];

/** A copy of `view` with the value at `path` replaced, or removed when `remove`. */
function mutate(view: PaymentView, path: Path, value: unknown, remove: boolean): unknown {
  const copy: Record<string, unknown> = structuredClone(view);
  const parentPath = path.slice(0, -1);
  const last = path.at(-1) ?? "";
  let parent: unknown = copy;
  for (const key of parentPath) parent = (parent as Record<string, unknown> | null)?.[key];
  if (parent === null || typeof parent !== "object") return copy;
  if (remove) delete (parent as Record<string, unknown>)[last];
  else (parent as Record<string, unknown>)[last] = value;
  return copy;
}

const mutatedView = fc
  .tuple(validView, fc.constantFrom(...paths), wrongValue, fc.boolean())
  .map(([view, path, value, remove]) => mutate(view, path, value, remove));

describe("isPaymentView", () => {
  it("accepts a view with an id, a known status, minor units and a version", () => {
    expect(isPaymentView(payment)).toBe(true);
    expect(isPaymentView({ ...payment, futureField: 1 })).toBe(true);
  });

  it("refuses what the hooks could not show", () => {
    expect(isPaymentView(null)).toBe(false);
    expect(isPaymentView("view")).toBe(false);
    expect(isPaymentView({ ...payment, status: "refunded" })).toBe(false);
    expect(isPaymentView({ ...payment, amount: { currency: "USD", value: "5.99" } })).toBe(false);
    expect(isPaymentView({ ...payment, amount: { currency: "USD", value: 599 } })).toBe(false);
    expect(isPaymentView({ ...payment, amount: { currency: "usd", value: "599" } })).toBe(false);
    expect(isPaymentView({ ...payment, version: "1" })).toBe(false);
    expect(isPaymentView({ ...payment, version: -1 })).toBe(false);
  });

  it("accepts every view the contract's schema accepts", () => {
    fc.assert(
      fc.property(validView, (view) => {
        expect(v.is(PaymentViewSchema, view)).toBe(true);
        expect(isPaymentView(view)).toBe(true);
      }),
    );
  });

  it("agrees with the schema on the fields it checks, for views one field off", () => {
    fc.assert(
      fc.property(mutatedView, (value) => {
        expect(isPaymentView(value)).toBe(v.is(GuardedSchema, value));
        // Never stricter than the contract: what the whole schema accepts, the guard accepts.
        if (v.is(PaymentViewSchema, value)) expect(isPaymentView(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps to the rules of the schema for each guarded field", () => {
    for (const key of guarded) {
      const missing = mutate(payment, [key], undefined, true);
      expect([key, isPaymentView(missing)]).toStrictEqual([key, v.is(GuardedSchema, missing)]);
      expect([key, isPaymentView(missing)]).toStrictEqual([key, false]);
    }
  });
});
