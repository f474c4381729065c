import fc from "fast-check";

/** Strings that have hurt parsers, logs, SQL and templates before. */
const nasty = [
  "",
  " ",
  "\t\n",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "<script>alert(1)</script>",
  "'; DROP TABLE payments; --",
  // Split so that it is not read as a template here.
  "$" + "{7*7}{{7*7}}",
  "%00%0d%0a",
  "../../../etc/passwd",
  "\u202e\u200b\ufeff",
  "\ud800",
  "\udfff\ud800",
  "💳💳",
  "ａｍｏｕｎｔ",
  '=HYPERLINK("x")',
];

/** True when `s` has no lone surrogate (URL encoding and SQLite text need that). */
export function isWellFormed(s: string): boolean {
  return !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""));
}

/** Any string: arbitrary code points (lone surrogates too) and known troublemakers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ maxLength: 24 }),
);

/** A string of `min` to `max` characters built from a short random unit (cheap to generate). */
export function longString(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }), fc.integer({ min, max }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
    .filter((s) => s.trim().length >= min);
}

const headerChar = fc.mapToConstant(
  { num: 95, build: (v) => String.fromCharCode(0x20 + v) },
  { num: 1, build: () => "\t" },
);

/** A value that a `Headers` object accepts: visible ASCII, spaces and tabs. */
export const headerValue: fc.Arbitrary<string> = fc.string({ unit: headerChar, maxLength: 40 });

/** How a header value reads back (Headers trims surrounding spaces and tabs). */
export function normalizedHeader(value: string): string {
  return new Headers({ "x-probe": value }).get("x-probe") ?? "";
}

const mediaType = (value: string) => value.split(";")[0]?.trim().toLowerCase();

/** A Content-Type other than JSON, or none (null). */
export const foreignContentType: fc.Arbitrary<string | null> = fc
  .oneof(
    fc.constant(null),
    fc.constantFrom(
      "text/plain",
      "text/plain; charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "application/json-patch+json",
      "application/problem+json",
      "text/json",
      "json",
      "application/xml",
      "*/*",
      "application/json5",
      "application /json",
      "application/json\t",
    ),
    headerValue,
  )
  .filter((ct) => ct === null || mediaType(normalizedHeader(ct)) !== "application/json");

/** Text that JSON.parse refuses (after the one leading BOM a UTF-8 decoder drops). */
export const notJsonText: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      "",
      "{",
      "}",
      '{"a":}',
      "[1,]",
      "{'amount':1}",
      "NaN",
      "Infinity",
      "undefined",
      '{"a":1}x',
      "// comment\n{}",
      "\ufeff\ufeff{}",
      "notifyType=PAYMENT_RESULT&paymentRequestId=1",
      "<xml><amount>1</amount></xml>",
      '{"a":"\u0001"}',
      '{"a":01}',
      '{"a":.5}',
      '{"a":+1}',
      '{"a":0x10}',
      '{"a":"\\x41"}',
      '{"a":"\\ud800\\"}',
    ),
    fc.string({ unit: "binary", maxLength: 64 }),
    fc
      .tuple(fc.json({ maxDepth: 2 }), fc.nat())
      .map(([text, cut]) => text.slice(0, cut % Math.max(1, text.length))),
  )
  .filter((text) => {
    try {
      JSON.parse(text.startsWith("\ufeff") ? text.slice(1) : text);
      return false;
    } catch {
      return true;
    }
  });

/** Byte sequences that are not UTF-8: stray continuations, overlongs, surrogates, truncations. */
export const invalidUtf8: fc.Arbitrary<number[]> = fc.constantFrom(
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff, 0xfe],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x92],
);

/**
 * Methods none of the routes takes. workerd's Request knows a fixed list (and upper-cases them),
 * so these are all of it but GET, HEAD, POST, OPTIONS and TRACE.
 */
export const unroutedMethod: fc.Arbitrary<string> = fc.constantFrom(
  "PUT",
  "put",
  "DELETE",
  "delete",
  "PATCH",
  "patch",
  "PURGE",
  "COPY",
  "LOCK",
  "MKCOL",
  "MOVE",
  "PROPFIND",
  "PROPPATCH",
  "SEARCH",
  "UNLOCK",
  "ACL",
  "REPORT",
  "MKACTIVITY",
  "CHECKOUT",
  "MERGE",
  "MSEARCH",
  "NOTIFY",
  "SUBSCRIBE",
  "UNSUBSCRIBE",
  "QUERY",
  "BAN",
);
