import fc from "fast-check";
import type { WorkerErrorCode } from "../../src/http/worker-error.ts";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import { amountBetween, foreignAmount, malformedAmount } from "./amount-cases.ts";
import { PAID_KEY } from "./fuzz-fixtures.ts";
import {
  Entries,
  extraEntries,
  type Hostile,
  jsonText,
  notIntegerIn,
  notObject,
  notString,
} from "./hostile-json.ts";
import { headerValue, hostileString, longString, normalizedHeader } from "./hostile-text.ts";
import { type BodySpec, type HttpSpec, refusal } from "./http-spec.ts";
import { KNOWN_STORE_IDS, FUZZ_STORE as S } from "./test-stores.ts";

/** Largest merchant API body (merchant-routes.ts). */
export const MERCHANT_BODY_LIMIT = 16 * 1024;

/** A payment the merchant API would create: every input below breaks it somewhere. */
export const ORDER = {
  amount: { currency: S.currency, value: "700" },
  description: "Fuzzed order",
  storeId: S.id,
} as const;

const GONE = Symbol("gone");

/** One broken field, the code it is refused with, and when that check runs (lower: earlier). */
interface Breaker {
  field: string;
  value: Hostile | typeof GONE;
  code: WorkerErrorCode;
  stage: number;
}

const at =
  (field: string, code: WorkerErrorCode, stage: number) =>
  (value: Hostile | typeof GONE): Breaker => ({ field, value, code, stage });
const schema = (field: string) => at(field, "INVALID_REQUEST", 1);

const blank = fc.constantFrom("", " ", "\t\n", "\u00a0\u2028", "\ufeff ");
const breakers: fc.Arbitrary<Breaker>[] = [
  fc.oneof(fc.constant<typeof GONE>(GONE), malformedAmount).map(schema("amount")),
  foreignAmount(S.currency).map(at("amount", "CURRENCY_NOT_ACCEPTED", 3)),
  amountBetween(S.currency, S.maxOrderValue + 1n, 10n ** 18n).map(
    at("amount", "AMOUNT_OUT_OF_RANGE", 4),
  ),
  fc
    .oneof(fc.constant<typeof GONE>(GONE), notString, blank, longString(257, 3000))
    .map(schema("description")),
  fc.oneof(fc.constant<typeof GONE>(GONE), notString).map(schema("storeId")),
  fc
    .oneof(hostileString, fc.constantFrom("__proto__", "constructor", "toString", `${S.id} `))
    .filter((id) => !KNOWN_STORE_IDS.includes(id))
    .map(at("storeId", "UNKNOWN_STORE", 2)),
  notIntegerIn(1, 1799).map(schema("expiresInSeconds")),
  fc
    .oneof(
      notString,
      fc.constantFrom("", "a b", "ref#1", "ü", "a".repeat(65)),
      hostileString.filter((r) => !/^[A-Za-z0-9_-]{1,64}$/.test(r)),
    )
    .map(schema("referenceOrderId")),
  fc
    .oneof(
      fc.constantFrom("", "a b", "key\twith tab", "x".repeat(256)),
      fc.string({ unit: fc.constantFrom("a", " ", "-"), minLength: 2, maxLength: 300 }),
      headerValue,
    )
    .filter((key) => !/^[\x21-\x7e]{1,255}$/.test(normalizedHeader(key)))
    .map(at("Idempotency-Key", "INVALID_REQUEST", 5)),
  fc.constant(PAID_KEY).map(at("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED", 6)),
];

function bodyWith(found: readonly Breaker[], extra: [string, Hostile][]): string {
  const fields = new Map<string, Hostile>(Object.entries(ORDER));
  for (const b of found) {
    if (b.field === "Idempotency-Key") continue;
    if (b.value === GONE) fields.delete(b.field);
    else fields.set(b.field, b.value);
  }
  return jsonText(new Entries([...fields.entries(), ...extra]));
}

const encoder = new TextEncoder();

/** A create request with the test API key, `body`, and the given Idempotency-Key. */
function createSpec(
  label: string,
  body: BodySpec,
  code: WorkerErrorCode,
  idempotencyKey?: string,
): HttpSpec {
  const size = encoder.encode(body.text).byteLength;
  const tooBig =
    body.pad === undefined ? size > MERCHANT_BODY_LIMIT : body.pad.toBytes > MERCHANT_BODY_LIMIT;
  return {
    label,
    method: "POST",
    path: "/api/payments",
    headers: [
      ["authorization", `Bearer ${TEST_API_KEY}`],
      ["content-type", "application/json"],
      ...(idempotencyKey === undefined
        ? []
        : [["idempotency-key", idempotencyKey] as [string, string]]),
    ],
    body,
    expected: refusal(tooBig ? "BODY_TOO_LARGE" : code),
    touches: [],
  };
}

/**
 * `POST /api/payments` bodies broken in one field or several: the code is that of the first
 * check that fails (schema, store, currency, order cap, Idempotency-Key, replay fingerprint).
 */
export function createBodyCases(): fc.Arbitrary<HttpSpec> {
  const one = fc.oneof(...breakers).map((b) => [b]);
  const several = fc.array(fc.oneof(...breakers), { minLength: 2, maxLength: 4 });
  const extras = extraEntries([...Object.keys(ORDER), "expiresInSeconds", "referenceOrderId"]);
  return fc.tuple(fc.oneof(one, several), extras).map(([found, extra]) => {
    // A later breaker of the same field replaces an earlier one.
    const last = new Map(found.map((b) => [b.field, b]));
    const active = [...last.values()];
    const first = active.reduce((a, b) => (b.stage < a.stage ? b : a));
    const key = last.get("Idempotency-Key")?.value;
    return createSpec(
      `create: ${active.map((b) => b.field).join(", ")}`,
      { text: bodyWith(active, extra) },
      first.code,
      typeof key === "string" ? key : undefined,
    );
  });
}

/** Top-level values that are no payment at all, and the order hidden behind prototype keys. */
export function createShapeCases(): fc.Arbitrary<HttpSpec> {
  return fc
    .oneof(
      notObject,
      fc
        .constantFrom("__proto__", "constructor", "prototype")
        .map((k) => new Entries([[k, ORDER]])),
      fc.constant(new Entries([["constructor", { prototype: ORDER }]])),
    )
    .map((value) => createSpec("create: shape", { text: jsonText(value) }, "INVALID_REQUEST"));
}
