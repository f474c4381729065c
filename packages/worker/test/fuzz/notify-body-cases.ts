import fc from "fast-check";
import type { FuzzFixtures } from "./fuzz-fixtures.ts";
import {
  anyJson,
  Entries,
  extraEntries,
  type Hostile,
  hugeNumber,
  jsonText,
  notObject,
  notString,
} from "./hostile-json.ts";
import { hostileString, invalidUtf8, isWellFormed, notJsonText } from "./hostile-text.ts";
import { type BodySpec, bodyBytes, insideStringOf } from "./http-spec.ts";
import { baseBodies } from "./notify-header-cases.ts";
import { fixtureIds, judged } from "./notify-kept-cases.ts";
import { type NotifySpec, signedSpec } from "./notify-spec.ts";

/** A well-formed `result`. */
export const RESULT = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };
/** A `notifyType` of a kind this library does not model. */
export const otherType = fc
  .oneof(fc.constantFrom("DISPUTE_OPENED", "CAPTURE_RESULT", "payment_result", ""), hostileString)
  .filter((t) => t !== "PAYMENT_RESULT" && t !== "REFUND_RESULT" && isWellFormed(t));
/** A payment request id no payment here has. */
export const unknownId = fc.stringMatching(/^zz[A-Za-z0-9_-]{1,30}$/);
const GONE = Symbol("gone");
type Change = readonly [string, Hostile | typeof GONE];

function withChanges(base: Record<string, Hostile>, changes: readonly Change[]): Hostile {
  const out: Record<string, Hostile> = { ...base };
  for (const [key, value] of changes) {
    if (value === GONE) delete out[key];
    else out[key] = value;
  }
  return out;
}

const badStatus = anyJson.filter((s) => s !== "S" && s !== "F" && s !== "U");
const badResult: fc.Arbitrary<Hostile | typeof GONE> = fc.oneof(
  fc.constant(GONE),
  notObject,
  badStatus.map((resultStatus) => ({ ...RESULT, resultStatus })),
  notString.map((resultCode) => ({ ...RESULT, resultCode })),
  notString.map((resultMessage) => ({ ...RESULT, resultMessage })),
  fc.constant({ resultCode: "SUCCESS" }),
  fc.constant(new Entries([["__proto__", RESULT]])),
);
const badAmount: fc.Arbitrary<Hostile> = fc.oneof(
  notObject,
  fc
    .oneof(
      notString,
      hostileString.filter((c) => !/^[A-Z]{3}$/.test(c)),
    )
    .map((currency) => ({
      currency,
      value: "990",
    })),
  fc
    .oneof(
      notString,
      hugeNumber,
      hostileString.filter((s) => !/^\d+$/.test(s)),
    )
    .map((value) => ({ currency: "USD", value })),
  fc.constant({ value: "990" }),
);
const stringFields = ["paymentId", "paymentCreateTime", "paymentTime"];
const refundStrings = ["refundRequestId", "refundId", "paymentId", "refundTime"];

/** One change that makes a PAYMENT_RESULT (or REFUND_RESULT) fail its schema. */
function breaking(kind: "payment" | "refund"): fc.Arbitrary<Change> {
  const strings = kind === "payment" ? stringFields : refundStrings;
  const own: fc.Arbitrary<Change>[] =
    kind === "payment"
      ? [
          fc.oneof(fc.constant(GONE), notString).map((v) => ["paymentRequestId", v] as const),
          fc.tuple(fc.constantFrom("paymentAmount", "actualPaymentAmount"), badAmount),
          fc
            .oneof(
              fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean()),
              notString.map((pspName) => ({ pspName })),
            )
            .map((v) => ["pspCustomerInfo", v] as const),
        ]
      : [
          anyJson
            .filter((s) => s !== "SUCCESS" && s !== "FAIL" && s !== "PROCESSING")
            .map((v) => ["refundStatus", v] as const),
          badAmount.map((v) => ["refundAmount", v] as const),
        ];
  return fc.oneof(
    badResult.map((v) => ["result", v] as const),
    fc.tuple(fc.constantFrom(...strings), notString),
    ...own,
  );
}

/**
 * Signed JSON that fails the notification schema: acknowledged and kept for review, by the
 * payment it names (the declined fixture) or in the review log.
 */
export function wrongShapeCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const failedId = fx.failed.paymentRequestId;
  const payment: Record<string, Hostile> = {
    notifyType: "PAYMENT_RESULT",
    result: RESULT,
    paymentRequestId: failedId,
    paymentId: fx.failed.paymentId ?? "unknown",
    paymentAmount: { currency: "USD", value: "990" },
  };
  const refund: Record<string, Hostile> = {
    notifyType: "REFUND_RESULT",
    result: RESULT,
    refundRequestId: `${failedId}_0123456789abcdef`,
    refundStatus: "SUCCESS",
    refundAmount: { currency: "USD", value: "100" },
  };
  const body: fc.Arbitrary<Hostile> = fc.oneof(
    fc
      .array(breaking("payment"), { minLength: 1, maxLength: 3 })
      .map((c) => withChanges(payment, c)),
    fc.array(breaking("refund"), { minLength: 1, maxLength: 3 }).map((c) => withChanges(refund, c)),
    fc
      .tuple(
        badResult.filter((r) => r !== GONE),
        otherType,
      )
      .map(([result, notifyType]) => ({ notifyType, result: result as Hostile })),
    notString.map((notifyType) => ({ ...payment, notifyType })),
    extraEntries(["notifyType"]).map((entries) => new Entries(entries)),
    fc.constant(new Entries([["__proto__", payment]])),
    notObject,
  );
  return body.map((value) => judged("wrong shape", jsonText(value), fixtureIds(fx)));
}

const lenientUtf8 = new TextDecoder();

/** A signed body that is not JSON: acknowledged, and kept verbatim in the review log. */
function keptNotJson(label: string, body: BodySpec): NotifySpec {
  return {
    ...signedSpec(label, body, { kind: "acknowledged" }),
    logged: {
      notify_type: null,
      payment_request_id: null,
      body: lenientUtf8.decode(bodyBytes(body)),
      reason: "BODY_NOT_JSON",
    },
  };
}

/** Signed bodies that are not JSON, or not UTF-8: acknowledged and kept in the review log. */
export function notJsonCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const notJson = notJsonText.map((text) => keptNotJson("not JSON", { text }));
  const notUtf8 = fc.tuple(baseBodies(fx), invalidUtf8, fc.nat()).map(([base, bytes, n]) => {
    const key = base.text.includes('"paymentRequestId"') ? "paymentRequestId" : "notifyType";
    const at = insideStringOf(base.text, key) + (n % 3);
    return keptNotJson("not UTF-8", { text: base.text, invalidUtf8: { at, bytes } });
  });
  return fc.oneof(notJson, notUtf8);
}
