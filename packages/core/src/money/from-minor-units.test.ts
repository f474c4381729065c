import { describe, expect, it } from "vitest";
import { AmountError, type AmountErrorCode } from "./amount-error.ts";
import { fromMinorUnits } from "./from-minor-units.ts";

function errorOf(fn: () => unknown): [AmountErrorCode, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return [error.code, error.message];
    throw error;
  }
  throw new Error("expected an AmountError");
}

describe("fromMinorUnits", () => {
  it.each([
    ["599", "USD", "5.99"],
    ["5", "USD", "0.05"],
    ["0", "USD", "0.00"],
    ["0599", "USD", "5.99"],
    ["599", "JPY", "599"],
    ["0", "JPY", "0"],
    ["1234", "KWD", "1.234"],
    ["1", "KWD", "0.001"],
    ["1", "CLF", "0.0001"],
    ["123456789012345678901234567890", "USD", "1234567890123456789012345678.90"],
  ])("%s %s → %s", (minor, currency, major) => {
    expect(fromMinorUnits(minor, currency)).toBe(major);
  });

  it.each([
    [
      "5.99",
      "AMOUNT_NOT_MINOR_UNITS",
      'Expected minor units (whole digits, e.g. "599"); got the decimal "5.99".',
    ],
    ["-599", "AMOUNT_NEGATIVE", 'Expected a non-negative amount; got "-599".'],
    ["6e2", "AMOUNT_EXPONENT", 'Expected a plain decimal amount; got the exponent form "6e2".'],
    ["", "AMOUNT_EMPTY", "Expected an amount; got an empty string."],
    ["+1", "AMOUNT_PLUS_SIGN", 'Expected an amount without a sign; got "+1".'],
    ["59 9", "AMOUNT_WHITESPACE", 'Expected an amount without spaces; got "59 9".'],
    [
      "abc",
      "AMOUNT_INVALID",
      'Expected an amount of ASCII digits with at most one "."; got "abc".',
    ],
  ])("refuses %j with %s", (minor, code, message) => {
    expect(errorOf(() => fromMinorUnits(minor, "USD"))).toStrictEqual([code, message]);
  });

  it("refuses unknown and lowercase currencies", () => {
    expect(errorOf(() => fromMinorUnits("1", "ABC"))[0]).toBe("CURRENCY_UNKNOWN");
    expect(errorOf(() => fromMinorUnits("1", "jpy"))[0]).toBe("CURRENCY_LOWERCASE");
  });
});
