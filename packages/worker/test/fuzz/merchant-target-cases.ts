import fc from "fast-check";
import type { WorkerErrorCode } from "../../src/http/worker-error.ts";
import { isPaymentRequestId } from "../../src/payments/payment-request-id.ts";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import type { CreatedPayment } from "../helpers/worker-http.ts";
import { amountBetween, foreignAmount, malformedAmount } from "./amount-cases.ts";
import type { FuzzFixtures } from "./fuzz-fixtures.ts";
import {
  anyJson,
  Entries,
  extraEntries,
  type Hostile,
  jsonText,
  notString,
} from "./hostile-json.ts";
import {
  headerValue,
  hostileString,
  isWellFormed,
  longString,
  unroutedMethod,
} from "./hostile-text.ts";
import { type HttpSpec, refusal } from "./http-spec.ts";
import { ORDER } from "./merchant-create-cases.ts";

const KEY: [string, string] = ["authorization", `Bearer ${TEST_API_KEY}`];
const JSON_TYPE: [string, string] = ["content-type", "application/json"];
const REFUND = { amount: { currency: "USD", value: "100" }, reason: "Fuzzed refund" };

/** Path ids that name no payment: malformed (no object is asked) or well-formed but unknown. */
const missingId: fc.Arbitrary<{ segment: string; touches: string[] }> = fc.oneof(
  hostileString
    .filter((s) => s !== "" && s !== "." && s !== ".." && isWellFormed(s) && !isPaymentRequestId(s))
    .map((s) => ({ segment: encodeURIComponent(s), touches: [] })),
  fc.stringMatching(/^[A-Za-z0-9_-]{65,120}$/).map((s) => ({ segment: s, touches: [] })),
  fc.constantFrom("%E0%A4%A", "%ZZ", "%", "%2", "%C0%AF", "%00", "%2F..%2F").map((s) => ({
    segment: s,
    touches: [],
  })),
  fc.stringMatching(/^zz[A-Za-z0-9_-]{1,40}$/).map((s) => ({ segment: s, touches: [s] })),
);

/** Cancel, refund, events and status reads of payments that do not exist: 404. */
export function missingPaymentCases(): fc.Arbitrary<HttpSpec> {
  const routes: [string, string, string | null][] = [
    ["POST", "/cancel", null],
    ["POST", "/refunds", jsonText(REFUND)],
    ["GET", "/events", null],
    ["GET", "", null],
  ];
  return fc.tuple(fc.constantFrom(...routes), missingId).map(([[method, suffix, body], id]) => ({
    label: `missing payment: ${method} ${suffix || "/"}`,
    method,
    path: `/api/payments/${id.segment}${suffix}`,
    headers: [
      KEY,
      JSON_TYPE,
      ...(suffix === "/refunds" ? [["idempotency-key", "missing-1"] as [string, string]] : []),
    ],
    body: body === null ? null : { text: body },
    expected: { kind: "refusal", codes: ["PAYMENT_NOT_FOUND", "NOT_FOUND"] },
    touches: id.touches,
  }));
}

/** Methods the routes do not take, and HEAD without credentials: 404, or 401 without a body. */
export function merchantMethodCases(fx: FuzzFixtures): fc.Arbitrary<HttpSpec> {
  const id = fx.paid.paymentRequestId;
  const all = [
    "/api/payments",
    "/api/payments/export.csv",
    `/api/payments/${id}`,
    `/api/payments/${id}/cancel`,
    `/api/payments/${id}/refunds`,
    `/api/payments/${id}/events`,
    `/api/payments/${id}/live`,
  ];
  const base = (
    method: string,
    path: string,
    expected: HttpSpec["expected"],
    withKey: boolean,
  ): HttpSpec => ({
    label: `method: ${method} ${path}`,
    method,
    path,
    headers: withKey ? [KEY, JSON_TYPE] : [JSON_TYPE],
    body: method === "GET" || method === "HEAD" ? null : { text: jsonText(ORDER) },
    expected,
    touches: [id],
  });
  return fc.oneof(
    fc
      .tuple(unroutedMethod, fc.constantFrom(...all))
      .map(([m, p]) => base(m, p, refusal("NOT_FOUND"), true)),
    fc.constantFrom(all[3], all[4]).map((p) => base("GET", p ?? "", refusal("NOT_FOUND"), true)),
    fc
      .constantFrom(all[1], all[2], all[5], all[6])
      .map((p) => base("POST", p ?? "", refusal("NOT_FOUND"), true)),
    fc
      .constantFrom(...all.filter((p) => !p.endsWith("/cancel") && !p.endsWith("/refunds")))
      .map((p) => base("HEAD", p, { kind: "bodiless", status: 401 }, false)),
  );
}

const GONE = Symbol("gone");
type Field = readonly [string, Hostile | typeof GONE, WorkerErrorCode];

function refundSpec(
  target: CreatedPayment,
  found: readonly Field[],
  extra: [string, Hostile][],
  key: string | null,
  objectCode: WorkerErrorCode,
): HttpSpec {
  // A later change of the same field replaces an earlier one.
  const fields = [...new Map(found.map((f) => [f[0], f])).values()];
  const body = new Map<string, Hostile>(Object.entries(REFUND));
  for (const [name, value] of fields) {
    if (value === GONE) body.delete(name);
    else body.set(name, value);
  }
  // A malformed body, and a refund without a usable Idempotency-Key, are refused before the
  // payment is looked at.
  // (Header values reach the Worker without their leading and trailing blanks.)
  const keyUsable =
    key !== null && /^[\x21-\x7e]{1,255}$/.test(key.replace(/^[ \t]+|[ \t]+$/g, ""));
  const schemaBroken = !keyUsable || fields.some(([, , code]) => code === "INVALID_REQUEST");
  return {
    label: `refund: ${fields.map(([n]) => n).join(", ") || "well-formed"}`,
    method: "POST",
    path: `/api/payments/${target.paymentRequestId}/refunds`,
    headers: [
      KEY,
      JSON_TYPE,
      ...(key === null ? [] : [["idempotency-key", key] as [string, string]]),
    ],
    body: { text: jsonText(new Entries([...body.entries(), ...extra])) },
    expected: refusal(schemaBroken ? "INVALID_REQUEST" : objectCode),
    touches: [target.paymentRequestId],
  };
}

/**
 * Refunds the fixtures cannot take: malformed bodies (400), more than was paid or another
 * currency on the paid one (422), and anything well-formed on the failed one (409).
 */
export function refundCases(fx: FuzzFixtures): fc.Arbitrary<HttpSpec> {
  const paidValue = BigInt(fx.paid.amount.value);
  const malformed: fc.Arbitrary<Field> = fc.oneof(
    fc
      .oneof(fc.constant<typeof GONE>(GONE), malformedAmount)
      .map((v) => ["amount", v, "INVALID_REQUEST"] as const),
    fc
      .oneof(notString, longString(257, 2000))
      .map((v) => ["reason", v, "INVALID_REQUEST"] as const),
  );
  const tooMuch: fc.Arbitrary<Field> = fc
    .oneof(amountBetween("USD", paidValue + 1n, 10n ** 18n), foreignAmount("USD"))
    .map((v) => ["amount", v, "REFUND_AMOUNT_EXCEEDED"] as const);
  const anyKey = fc.option(fc.oneof(headerValue, fc.constant("refund-1")));
  const extra = extraEntries(["amount", "reason"]);
  const onPaid = fc
    .tuple(fc.array(fc.oneof(malformed, tooMuch), { minLength: 1, maxLength: 2 }), extra, anyKey)
    .map(([fields, e, key]) => refundSpec(fx.paid, fields, e, key, "REFUND_AMOUNT_EXCEEDED"));
  const onFailed = fc
    .tuple(fc.array(fc.oneof(malformed, tooMuch), { maxLength: 2 }), extra, anyKey)
    .map(([fields, e, key]) => refundSpec(fx.failed, fields, e, key, "PAYMENT_NOT_REFUNDABLE"));
  return fc.oneof(onPaid, onFailed);
}

/** Cancelling the failed fixture, whatever comes with it: 409. */
export function cancelCases(fx: FuzzFixtures): fc.Arbitrary<HttpSpec> {
  return fc
    .tuple(fc.option(anyJson), fc.option(headerValue), fc.option(headerValue))
    .map(([body, contentType, key]) => ({
      label: "cancel a failed payment",
      method: "POST",
      path: `/api/payments/${fx.failed.paymentRequestId}/cancel`,
      headers: [
        KEY,
        ...(contentType === null ? [] : [["content-type", contentType] as [string, string]]),
        ...(key === null ? [] : [["idempotency-key", key] as [string, string]]),
      ],
      body: body === null ? null : { text: jsonText(body) },
      expected: refusal("PAYMENT_NOT_CANCELLABLE"),
      touches: [fx.failed.paymentRequestId],
    }));
}
