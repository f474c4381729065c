import { PAYMENT_STATUSES } from "@ams-edge/core/api";
import fc from "fast-check";
import type { WorkerErrorCode } from "../../src/http/worker-error.ts";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import { hostileString, isWellFormed } from "./hostile-text.ts";
import { type HttpSpec, refusal } from "./http-spec.ts";

const STATUSES: readonly string[] = PAYMENT_STATUSES;
const PARAMS = ["storeId", "status", "from", "to", "cursor", "limit"];
const text = hostileString.filter(isWellFormed);

/** One query parameter as it goes on the wire, and the code it is refused with (null: fine). */
type Param = readonly [name: string, value: string, code: WorkerErrorCode | null];

const invalid: fc.Arbitrary<Param>[] = [
  fc
    .oneof(text, fc.constantFrom("SUCCEEDED", "paid", "succeeded ", "__proto__"))
    .filter((s) => !STATUSES.includes(s))
    .map((v) => ["status", v, "INVALID_REQUEST"] as const),
  fc
    .oneof(text, fc.constantFrom("yesterday", "2026-13-45", "2026-02-30T25:00", "1e400", "NaN"))
    .filter((s) => Number.isNaN(Date.parse(s)))
    .chain((v) =>
      fc.constantFrom("from", "to").map((name) => [name, v, "INVALID_REQUEST"] as const),
    ),
  fc
    .oneof(
      fc.constantFrom(
        "0",
        "201",
        "999",
        "-1",
        "1.5",
        "1e2",
        " 5",
        "5 ",
        "",
        "0x10",
        "1000",
        "abc",
        "٣",
      ),
      text,
    )
    .filter((s) => !/^[0-9]{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 200)
    .map((v) => ["limit", v, "INVALID_REQUEST"] as const),
];

// A cursor is base64url of ["createdAt","paymentRequestId"]; anything else is refused.
const badCursor: fc.Arbitrary<Param> = fc
  .oneof(
    text.filter((s) => !/^[A-Za-z0-9_-]*$/.test(s)),
    fc.stringMatching(/^[A-Za-z0-9_-]{1}([A-Za-z0-9_-]{4}){0,8}$/),
    fc
      .constantFrom('{"a":1}', "[1,2]", '["a"]', '["a","b","c"]', "null", "not json")
      .map((json) => btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")),
  )
  .map((v) => ["cursor", v, "INVALID_CURSOR"] as const);

const fine: fc.Arbitrary<Param> = fc.oneof(
  fc.constantFrom(...STATUSES).map((v) => ["status", v, null] as const),
  fc
    .constantFrom("2026-01-01", "2026-11-20T10:00:00Z")
    .chain((v) => fc.constantFrom("from", "to").map((n) => [n, v, null] as const)),
  fc.integer({ min: 1, max: 200 }).map((v) => ["limit", String(v), null] as const),
  text.map((v) => ["storeId", v, null] as const),
  fc
    .tuple(fc.oneof(text, fc.constantFrom("__proto__", "constructor", "toString")), text)
    .filter(([name]) => name !== "" && !PARAMS.includes(name))
    .map(([name, v]) => [name, v, null] as const),
);

const pair = ([name, value]: Param) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

/**
 * `GET /api/payments` and its CSV export with at least one bad filter among valid ones and
 * unknown parameters; a repeated name counts once (the first), so each name appears once.
 */
export function listQueryCases(): fc.Arbitrary<HttpSpec> {
  return fc
    .tuple(
      fc.constantFrom("/api/payments", "/api/payments/export.csv"),
      fc.array(fine, { maxLength: 4 }),
    )
    .chain(([path, others]) => {
      // The export reads no cursor, so a bad one is not a bad export.
      const bad = path.endsWith(".csv") ? fc.oneof(...invalid) : fc.oneof(...invalid, badCursor);
      return fc
        .tuple(fc.array(bad, { minLength: 1, maxLength: 3 }), fc.shuffledSubarray(others))
        .map(([broken, kept]) => {
          const byName = new Map<string, Param>();
          for (const param of [...broken, ...kept])
            if (!byName.has(param[0])) byName.set(param[0], param);
          const params = [...byName.values()];
          const codes = params.map(([, , code]) => code);
          // Filters are checked together first; the cursor only when they pass.
          const code: WorkerErrorCode = codes.includes("INVALID_REQUEST")
            ? "INVALID_REQUEST"
            : "INVALID_CURSOR";
          return {
            label: `list: ${params.map(([n]) => n).join("&")}`,
            method: "GET",
            path: `${path}?${params.map(pair).join("&")}`,
            headers: [["authorization", `Bearer ${TEST_API_KEY}`]],
            body: null,
            expected: refusal(code),
            touches: [],
          } satisfies HttpSpec;
        });
    });
}
