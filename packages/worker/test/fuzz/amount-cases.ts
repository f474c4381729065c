import fc from "fast-check";
import { Entries, type Hostile, hugeNumber, notObject, notString } from "./hostile-json.ts";
import { hostileString } from "./hostile-text.ts";

const MINOR_UNITS = /^[1-9][0-9]{0,17}$/;

const badCurrency: fc.Arbitrary<Hostile> = fc.oneof(
  notString,
  hostileString.filter((c) => !/^[A-Z]{3}$/.test(c)),
  fc.constantFrom("usd", "US", "USDX", " USD", "USD ", "ＵＳＤ", "U$D"),
);

/** Values that are not minor units: other types, decimals (excess precision), signs, padding. */
export const badValue: fc.Arbitrary<Hostile> = fc.oneof(
  notString,
  hugeNumber,
  hostileString.filter((s) => !MINOR_UNITS.test(s)),
  fc.constantFrom(
    "0",
    "-700",
    "7.00",
    "700.5",
    "5.999",
    "0700",
    "1e3",
    " 700",
    "700 ",
    "+700",
    "700n",
    "0x2bc",
    "７００",
    "Infinity",
    "NaN",
    "",
    "1".repeat(19),
  ),
  fc.bigInt({ min: 10n ** 18n, max: 10n ** 40n }).map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 0n }).map(String),
);

/** An `amount` that fails `{ currency: ISO 4217, value: minor units }`. */
export const malformedAmount: fc.Arbitrary<Hostile> = fc.oneof(
  notObject,
  fc.constant({}),
  badCurrency.map((currency) => ({ currency, value: "700" })),
  badValue.map((value) => ({ currency: "USD", value })),
  fc.constant(new Entries([["__proto__", { currency: "USD", value: "700" }]])),
  fc.constant(
    new Entries([
      ["currency", "USD"],
      ["value", "700"],
      ["value", 700],
    ]),
  ),
);

/** A well-formed amount in a currency other than `currency`. */
export function foreignAmount(currency: string): fc.Arbitrary<Hostile> {
  return fc
    .tuple(fc.stringMatching(/^[A-Z]{3}$/), fc.bigInt({ min: 1n, max: 10n ** 6n }))
    .filter(([code]) => code !== currency)
    .map(([code, value]) => ({ currency: code, value: String(value) }));
}

/** A well-formed amount in `currency` with a value from `min` to `max` (capped at 18 digits). */
export function amountBetween(currency: string, min: bigint, max: bigint): fc.Arbitrary<Hostile> {
  return fc
    .bigInt({ min: min < 1n ? 1n : min, max: max > 10n ** 18n - 1n ? 10n ** 18n - 1n : max })
    .map((value) => ({ currency, value: String(value) }));
}
