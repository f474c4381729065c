import { NotificationSchema } from "@ams-edge/core";
import fc from "fast-check";
import * as v from "valibot";
import { isPaymentRequestId } from "../../src/payments/payment-request-id.ts";
import type { FuzzFixtures } from "./fuzz-fixtures.ts";
import {
  Entries,
  extraEntries,
  type Hostile,
  jsonText,
  nestedText,
  notString,
} from "./hostile-json.ts";
import { hostileString, isWellFormed } from "./hostile-text.ts";
import { otherType, RESULT, unknownId } from "./notify-body-cases.ts";
import { type NotifySpec, signedSpec } from "./notify-spec.ts";

const textField = (value: unknown, key: string): string | null => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" && field !== "" ? field : null;
};

/**
 * What a signed delivery of `text` (JSON) must get: always the acknowledgement, and where it is
 * kept. The oracle follows the notification schema and the Worker's routing rules: a body names
 * its payment by `paymentRequestId` (a refund by its refund id's prefix); a fixture payment keeps
 * it with the reason it applies nothing; anything else gains one row in the review log.
 * Generators never aim a valid `PAYMENT_RESULT` at a fixture (it would be applied).
 */
export function judged(label: string, text: string, fixtures: readonly string[]): NotifySpec {
  const json: unknown = JSON.parse(text);
  const valid = v.is(NotificationSchema, json);
  const fields = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  // What the body means: a payment's result, a refund's, or another (with why it applies nothing).
  let kind: "payment" | "refund" | "other" = "other";
  let notifyType = textField(json, "notifyType");
  let target = textField(json, "paymentRequestId");
  let reason = "BODY_INVALID";
  if (valid && fields.notifyType === "PAYMENT_RESULT") {
    kind = "payment";
    target = fields.paymentRequestId as string;
    if (fixtures.includes(target)) throw new Error(`a valid result for fixture ${target}`);
  } else if (valid && fields.notifyType === "REFUND_RESULT") {
    const refundId = textField(json, "refundRequestId");
    if (refundId === null) {
      target = null;
      reason = "REFUND_ID_MISSING";
    } else {
      kind = "refund";
      target = /^([A-Za-z0-9-]{1,64})_/.exec(refundId)?.[1] ?? null;
      reason = "REFUND_UNKNOWN";
    }
  } else if (valid) {
    notifyType = fields.notifyType as string;
    reason = "NOTIFY_TYPE_UNKNOWN";
  }
  if (kind !== "other") notifyType = fields.notifyType as string;
  const routed = target !== null && isPaymentRequestId(target);
  const spec = signedSpec(
    label,
    { text },
    { kind: "acknowledged" },
    routed ? [target as string] : [],
  );
  if (routed && fixtures.includes(target as string)) {
    const kept = { paymentRequestId: target as string, body: text, reason, notifyType };
    return { ...spec, touches: [], kept };
  }
  const logged = {
    notify_type: notifyType,
    payment_request_id: kind === "refund" ? null : target,
    body: text,
    reason: kind === "other" ? reason : "PAYMENT_UNKNOWN",
  };
  return { ...spec, logged };
}

/** The ids of the fixture payments, which keep what is aimed at them. */
export const fixtureIds = (fx: FuzzFixtures): string[] => [
  fx.paid.paymentRequestId,
  fx.failed.paymentRequestId,
];

/**
 * Valid notifications no payment here takes: acknowledged and kept verbatim in D1, also when
 * another kind names a real payment (which must not change).
 */
export function acknowledgedCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const namedPayment = fc.option(
    fc.oneof(fc.constant(fx.paid.paymentRequestId), hostileString.filter(isWellFormed)),
  );
  const other = fc
    .tuple(
      otherType,
      fc.option(fc.constant(RESULT)),
      namedPayment,
      extraEntries(["notifyType", "result", "paymentRequestId"]),
    )
    .map(([notifyType, result, named, extra]) =>
      jsonText(
        new Entries([
          ["notifyType", notifyType],
          ...(result === null ? [] : [["result", result] as const]),
          ...(named === null ? [] : [["paymentRequestId", named] as const]),
          ...extra,
        ]),
      ),
    );
  const unknownPayment = fc
    .tuple(unknownId, extraEntries(["notifyType", "result", "paymentRequestId"]))
    .map(([id, extra]) =>
      jsonText(
        new Entries([
          ["notifyType", "PAYMENT_RESULT"],
          ["result", RESULT],
          ["paymentRequestId", id],
          ...extra,
        ]),
      ),
    );
  return fc
    .oneof(other, unknownPayment)
    .map((text) => judged("another kind", text, fixtureIds(fx)));
}

/** Prototype keys (`__proto__`, `constructor`) in every position: refused or kept, never obeyed. */
export function prototypeCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const proto = fc.constantFrom("__proto__", "constructor", "prototype");
  const payload: fc.Arbitrary<Hostile> = fc.oneof(
    fc.constant({
      notifyType: "PAYMENT_RESULT",
      result: RESULT,
      paymentRequestId: fx.failed.paymentRequestId,
    }),
    fc.constant({ polluted: true, toString: "x" }),
    fc.constant(new Entries([["prototype", { polluted: true }]])),
  );
  return fc
    .tuple(proto, payload, fc.oneof(otherType, notString), fc.boolean())
    .map(([key, inner, notifyType, nested]) => {
      const entries: [string, Hostile][] = [
        [key, inner],
        ["notifyType", notifyType],
      ];
      const value = nested ? new Entries([["data", new Entries(entries)]]) : new Entries(entries);
      return judged("prototype keys", jsonText(value), fixtureIds(fx));
    });
}

/** Nesting thousands of levels deep, at the top and inside valid notifications. */
export function deepCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  return fc
    .record({
      // Object nesting costs 6 bytes a level: 10,000 levels stay under the 64 KiB limit.
      depth: fc.integer({ min: 64, max: 10_000 }),
      kind: fc.constantFrom("object", "array") as fc.Arbitrary<"object" | "array">,
      where: fc.constantFrom("top", "other", "payment"),
      id: unknownId,
    })
    .map(({ depth, kind, where, id }) => {
      const deep = nestedText(depth, kind);
      if (where === "top") return judged("deep nesting", deep, fixtureIds(fx));
      const head =
        where === "other"
          ? '{"notifyType":"DEEP_TYPE"'
          : `{"notifyType":"PAYMENT_RESULT","result":${JSON.stringify(RESULT)},"paymentRequestId":"${id}"`;
      return judged("deep nesting", `${head},"nested":${deep}}`, fixtureIds(fx));
    });
}
