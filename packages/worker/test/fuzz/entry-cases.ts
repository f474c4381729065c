import fc from "fast-check";
import type { WorkerErrorCode } from "../../src/http/worker-error.ts";
import { amountBetween, foreignAmount, malformedAmount } from "./amount-cases.ts";
import { Entries, extraEntries, type Hostile, jsonText, notObject } from "./hostile-json.ts";
import { headerValue, hostileString, isWellFormed, unroutedMethod } from "./hostile-text.ts";
import { type HttpSpec, refusal } from "./http-spec.ts";
import { KNOWN_STORE_IDS, NO_ENTRY_STORE_ID, FUZZ_STORE as S } from "./test-stores.ts";
import { transportCases } from "./transport-cases.ts";

/** Which client address an Entry Code request comes from (`CF-Connecting-IP`). */
export type ClientIp =
  /** An address with tokens left: the request reaches the body checks. */
  | { kind: "pool" }
  /** An address whose bucket is empty: the request is refused before its body is read. */
  | { kind: "exhausted" }
  /** Any header value, counted like the limiter counts it. */
  | { kind: "given"; value: string };

/** An Entry Code request; `clientIp` is set only where the rate limiter is reached. */
export interface EntrySpec extends HttpSpec {
  clientIp: ClientIp | null;
}

const PAYMENTS = `/api/entry/${S.id}/payments`;
const ACCEPTED = jsonText({ amount: { currency: S.currency, value: "700" } });

const unknownStore = fc.oneof(
  hostileString
    .filter((s) => !["", ".", ".."].includes(s) && isWellFormed(s) && !KNOWN_STORE_IDS.includes(s))
    .map((s) => encodeURIComponent(s)),
  fc.constantFrom("__proto__", "constructor", "hasOwnProperty", `${S.id}%20`, "%E0%A4%A", "%ZZ"),
);

/** Every Entry Code route for stores that are not there, or take no Entry Code: 404. */
export function entryStoreCases(): fc.Arbitrary<EntrySpec> {
  const routes = (store: string): [string, string, string | null][] => [
    ["POST", `/api/entry/${store}/payments`, ACCEPTED],
    ["GET", `/pay/${store}`, null],
    ["GET", `/api/stores/${store}/entry-code.svg`, null],
  ];
  const spec = (route: [string, string, string | null], code: WorkerErrorCode): EntrySpec => ({
    label: `store: ${route[0]} ${route[1]}`,
    method: route[0],
    path: route[1],
    headers: [
      ["content-type", "application/json"],
      ["cf-connecting-ip", "192.0.2.1"],
    ],
    body: route[2] === null ? null : { text: route[2] },
    expected: refusal(code),
    touches: [],
    clientIp: null,
  });
  return fc.oneof(
    unknownStore.chain((store) =>
      fc
        .constantFrom(...routes(store), ["GET", `/api/stores/${store}`, null] as [
          string,
          string,
          null,
        ])
        .map((route) => spec(route, "UNKNOWN_STORE")),
    ),
    fc
      .constantFrom(...routes(NO_ENTRY_STORE_ID))
      .map((route) => spec(route, "ENTRY_CODE_DISABLED")),
    unknownStore.map(
      (store): EntrySpec => ({
        ...spec(["HEAD", `/pay/${store}`, null], "UNKNOWN_STORE"),
        expected: { kind: "bodiless", status: 404 },
      }),
    ),
  );
}

const amountField: fc.Arbitrary<[Hostile | null, WorkerErrorCode]> = fc.oneof(
  fc
    .oneof(fc.constant(null), malformedAmount)
    .map((a) => [a, "INVALID_REQUEST"] as [Hostile | null, WorkerErrorCode]),
  foreignAmount(S.currency).map((a) => [a, "CURRENCY_NOT_ACCEPTED"] as [Hostile, WorkerErrorCode]),
  fc
    .oneof(
      amountBetween(S.currency, 1n, S.entryMin - 1n),
      amountBetween(S.currency, S.entryMax + 1n, 10n ** 18n),
    )
    .map((a) => [a, "AMOUNT_OUT_OF_RANGE"] as [Hostile, WorkerErrorCode]),
);

/** Entry Code bodies that no payment comes of: shape, type, currency, bounds, transport. */
export function entryBodies(): fc.Arbitrary<HttpSpec> {
  const json = (label: string, value: Hostile, code: WorkerErrorCode): HttpSpec => ({
    label: `entry: ${label}`,
    method: "POST",
    path: PAYMENTS,
    headers: [
      ["content-type", "application/json"],
      ["user-agent", "Fuzz/1.0 AlipayClient"],
    ],
    body: { text: jsonText(value) },
    expected: refusal(code),
    touches: [],
  });
  return fc.oneof(
    fc
      .tuple(amountField, extraEntries(["amount"]))
      .map(([[amount, code], extra]) =>
        json(
          "amount",
          new Entries([
            ...(amount === null ? [] : [["amount", amount] as [string, Hostile]]),
            ...extra,
          ]),
          code,
        ),
      ),
    fc
      .oneof(
        notObject,
        fc.constant(new Entries([["__proto__", JSON.parse(ACCEPTED) as Hostile]])),
        fc.constant(new Entries([["constructor", { prototype: JSON.parse(ACCEPTED) as Hostile }]])),
      )
      .map((value) => json("shape", value, "INVALID_REQUEST")),
    transportCases({
      label: "entry",
      path: PAYMENTS,
      headers: [["user-agent", "Fuzz/1.0"]],
      acceptedBody: ACCEPTED,
      textField: "currency",
      limitBytes: 4096,
      touches: [],
    }),
  );
}

/** Malformed Entry Code bodies from addresses with tokens left: 4xx from the body checks. */
export function entryBodyCases(): fc.Arbitrary<EntrySpec> {
  return entryBodies().map((spec) => ({ ...spec, clientIp: { kind: "pool" } }));
}

/** Malformed bodies from any `CF-Connecting-IP` value: the body's refusal, or 429 once spent. */
export function hostileAddressCases(): fc.Arbitrary<EntrySpec> {
  return fc
    .tuple(entryBodies(), fc.oneof(headerValue, fc.constantFrom("", "local", "::1", "0.0.0.0")))
    .map(([spec, value]) => ({ ...spec, clientIp: { kind: "given", value } }));
}

/** Any body, even one that would be paid, from a spent address: 429 with Retry-After. */
export function rateLimitedCases(): fc.Arbitrary<EntrySpec> {
  const payable = amountBetween(S.currency, S.entryMin, S.entryMax).map((amount) => ({
    label: "entry: payable",
    method: "POST",
    path: PAYMENTS,
    headers: [["content-type", "application/json"]] as [string, string][],
    body: { text: jsonText({ amount }) },
    expected: refusal("RATE_LIMITED"),
    touches: [],
  }));
  return fc.oneof(payable, entryBodies()).map((spec) => ({
    ...spec,
    expected: refusal("RATE_LIMITED"),
    clientIp: { kind: "exhausted" },
  }));
}

/** Methods the Entry Code routes do not take: 404. */
export function entryMethodCases(): fc.Arbitrary<EntrySpec> {
  const paths = [
    PAYMENTS,
    `/pay/${S.id}`,
    `/api/stores/${S.id}/entry-code.svg`,
    `/api/stores/${S.id}`,
  ];
  const spec = (method: string, path: string): EntrySpec => ({
    label: `method: ${method} ${path}`,
    method,
    path,
    headers: [["content-type", "application/json"]],
    body: method === "GET" ? null : { text: ACCEPTED },
    expected: refusal("NOT_FOUND"),
    touches: [],
    clientIp: null,
  });
  return fc.oneof(
    fc.tuple(unroutedMethod, fc.constantFrom(...paths)).map(([m, p]) => spec(m, p)),
    fc.constant(spec("GET", PAYMENTS)),
    fc.constantFrom(...paths.slice(1)).map((p) => spec("POST", p)),
  );
}
