import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmountError, type AmountErrorCode } from "./amount-error.ts";
import { fromMinorUnits } from "./from-minor-units.ts";
import { ISO_4217_MINOR_UNITS } from "./minor-unit-digits.ts";
import { toMinorUnits } from "./to-minor-units.ts";

function errorOf(fn: () => unknown): [AmountErrorCode, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return [error.code, error.message];
    throw error;
  }
  throw new Error("expected an AmountError");
}

const CURRENCIES = Object.entries(ISO_4217_MINOR_UNITS);

describe("toMinorUnits", () => {
  it.each([
    ["5.99", "USD", "599"],
    ["599", "JPY", "599"],
    ["1.234", "KWD", "1234"],
    ["0.05", "USD", "5"],
    ["0", "USD", "0"],
    ["0.00", "USD", "0"],
    ["5", "USD", "500"],
    ["5.9", "USD", "590"],
    ["5.990", "USD", "599"],
    ["599.000", "JPY", "599"],
    ["007.10", "EUR", "710"],
    ["1", "KWD", "1000"],
    ["0.0001", "CLF", "1"],
    ["12.5", "UYW", "125000"],
    ["99999999999999999999999999.99", "USD", "9999999999999999999999999999"],
  ])("%s %s → %s", (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
  });

  it.each([
    [
      "5.999",
      "USD",
      "AMOUNT_EXCESS_PRECISION",
      'Expected at most 2 decimal places for USD; got "5.999".',
    ],
    [
      "599.5",
      "JPY",
      "AMOUNT_EXCESS_PRECISION",
      'Expected at most 0 decimal places for JPY; got "599.5".',
    ],
    [
      "1.2345",
      "KWD",
      "AMOUNT_EXCESS_PRECISION",
      'Expected at most 3 decimal places for KWD; got "1.2345".',
    ],
    [
      "0.001",
      "USD",
      "AMOUNT_EXCESS_PRECISION",
      'Expected at most 2 decimal places for USD; got "0.001".',
    ],
    ["-5.99", "USD", "AMOUNT_NEGATIVE", 'Expected a non-negative amount; got "-5.99".'],
    ["-0", "USD", "AMOUNT_NEGATIVE", 'Expected a non-negative amount; got "-0".'],
    ["\u22125", "USD", "AMOUNT_NEGATIVE", 'Expected a non-negative amount; got "\u22125".'],
    [
      "1e3",
      "USD",
      "AMOUNT_EXPONENT",
      'Expected a plain decimal amount; got the exponent form "1e3".',
    ],
    [
      "1.5E-2",
      "USD",
      "AMOUNT_EXPONENT",
      'Expected a plain decimal amount; got the exponent form "1.5E-2".',
    ],
    [
      ".5e1",
      "USD",
      "AMOUNT_EXPONENT",
      'Expected a plain decimal amount; got the exponent form ".5e1".',
    ],
    ["", "USD", "AMOUNT_EMPTY", "Expected an amount; got an empty string."],
    ["   ", "USD", "AMOUNT_EMPTY", "Expected an amount; got an empty string."],
    [" 5.99", "USD", "AMOUNT_WHITESPACE", 'Expected an amount without spaces; got " 5.99".'],
    ["5.99\n", "USD", "AMOUNT_WHITESPACE", 'Expected an amount without spaces; got "5.99\\n".'],
    ["5 000", "USD", "AMOUNT_WHITESPACE", 'Expected an amount without spaces; got "5 000".'],
    ["+5.99", "USD", "AMOUNT_PLUS_SIGN", 'Expected an amount without a sign; got "+5.99".'],
    [
      "5,99",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "5,99".',
    ],
    [
      "1,000.00",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "1,000.00".',
    ],
    [
      "5.",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "5.".',
    ],
    [
      ".5",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got ".5".',
    ],
    [
      "1.2.3",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "1.2.3".',
    ],
    [
      "0x10",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "0x10".',
    ],
    [
      "Infinity",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "Infinity".',
    ],
    [
      "NaN",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "NaN".',
    ],
    [
      "５",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "５".',
    ],
    [
      "$5",
      "USD",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "$5".',
    ],
    ["5.99", "XYZ", "CURRENCY_UNKNOWN", 'Expected an active ISO 4217 currency code; got "XYZ".'],
    ["5.99", "usd", "CURRENCY_LOWERCASE", 'Expected an ISO 4217 code in capitals; got "usd".'],
  ])("refuses %j %s with %s", (amount, currency, code, message) => {
    expect(errorOf(() => toMinorUnits(amount, currency))).toStrictEqual([code, message]);
  });

  it("handles 100,000-digit input, valid or not", () => {
    const digits = "1".repeat(100_000);
    expect(toMinorUnits(`${digits}.5`, "USD")).toBe(`${digits}50`);
    expect(errorOf(() => toMinorUnits(`${digits}x`, "USD"))[0]).toBe("AMOUNT_INVALID");
    expect(errorOf(() => toMinorUnits(`${digits}.${digits}e`, "USD"))[0]).toBe("AMOUNT_INVALID");
  });

  it("throws a TypeError for a number", () => {
    expect(() => toMinorUnits(5.99 as unknown as string, "USD")).toThrow(TypeError);
  });
});

describe("round trips over every currency", () => {
  for (const digits of [0, 2, 3, 4]) {
    const codes = CURRENCIES.filter(([, d]) => d === digits).map(([code]) => code);
    it(`${codes.length} currencies with ${digits} minor digits`, () => {
      const scale = 10n ** BigInt(digits);
      for (const code of codes) {
        for (const minor of [0n, 1n, 9n, 10n, 599n, scale, scale * 1234n + 5n, 10n ** 30n + 7n]) {
          const major = fromMinorUnits(minor.toString(), code);
          const integer = (minor / scale).toString();
          const fraction = (minor % scale).toString().padStart(digits, "0");
          expect([code, major]).toStrictEqual([
            code,
            digits === 0 ? integer : `${integer}.${fraction}`,
          ]);
          expect([code, toMinorUnits(major, code)]).toStrictEqual([code, minor.toString()]);
        }
      }
    });
  }

  it("holds for any digits and any currency (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{1,60}$/),
        fc.constantFrom(...CURRENCIES),
        (minor, [code]) => {
          const canonical = BigInt(minor).toString();
          return toMinorUnits(fromMinorUnits(minor, code), code) === canonical;
        },
      ),
    );
  });

  it("only ever throws AmountError for any string input (fuzz)", () => {
    const currency = fc.oneof(fc.constantFrom(...CURRENCIES.map(([code]) => code)), fc.string());
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[-+ .eE0-9]{0,12}$/)),
        currency,
        (amount, code) => {
          for (const fn of [() => toMinorUnits(amount, code), () => fromMinorUnits(amount, code)]) {
            try {
              fn();
            } catch (error) {
              if (!(error instanceof AmountError)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
