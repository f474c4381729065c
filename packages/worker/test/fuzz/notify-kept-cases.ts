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
import { type Expected, refusal } from "./http-spec.ts";
import { otherType, RESULT, unknownId } from "./notify-body-cases.ts";
import { type NotifySpec, signedSpec } from "./notify-spec.ts";

/**
 * What a delivery of `text` must get, by the notification schema: a refusal, or (valid, and
 * aimed at no payment this Worker holds) an acknowledgement with one row in the Worker's log.
 */
function judged(label: string, text: string): NotifySpec {
  const parsed: unknown = JSON.parse(text);
  if (!v.is(NotificationSchema, parsed)) {
    return signedSpec(label, { text }, refusal("INVALID_REQUEST"));
  }
  const fields = parsed as Record<string, unknown>;
  const id = typeof fields.paymentRequestId === "string" ? fields.paymentRequestId : null;
  const refundOwner = /^([A-Za-z0-9-]{1,64})_/.exec(String(fields.refundRequestId ?? ""))?.[1];
  const touches = [id, refundOwner].filter(
    (t): t is string => typeof t === "string" && isPaymentRequestId(t),
  );
  const expected: Expected = { kind: "acknowledged" };
  return {
    ...signedSpec(label, { text }, expected, touches),
    logged: { notify_type: fields.notifyType as string, payment_request_id: id, body: text },
  };
}

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
  return fc.oneof(other, unknownPayment).map((text) => judged("another kind", text));
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
      return judged("prototype keys", jsonText(value));
    });
}

/** Nesting thousands of levels deep, at the top and inside valid notifications. */
export function deepCases(): fc.Arbitrary<NotifySpec> {
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
      if (where === "top") return judged("deep nesting", deep);
      const head =
        where === "other"
          ? '{"notifyType":"DEEP_TYPE"'
          : `{"notifyType":"PAYMENT_RESULT","result":${JSON.stringify(RESULT)},"paymentRequestId":"${id}"`;
      return judged("deep nesting", `${head},"nested":${deep}}`);
    });
}
