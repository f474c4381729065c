import { describe, expect, it } from "vitest";
import { AmountError } from "./amount-error.ts";
import { ISO_4217_MINOR_UNITS, minorUnitDigits } from "./minor-unit-digits.ts";

function codesWith(digits: number): string[] {
  return Object.entries(ISO_4217_MINOR_UNITS)
    .filter(([, d]) => d === digits)
    .map(([code]) => code);
}

function errorOf(fn: () => unknown): [string, string, string | undefined] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return [error.code, error.message, error.hint];
    throw error;
  }
  throw new Error("expected an AmountError");
}

describe("ISO_4217_MINOR_UNITS", () => {
  it("lists the zero-decimal currencies", () => {
    expect(codesWith(0)).toStrictEqual([
      "BIF",
      "CLP",
      "DJF",
      "GNF",
      "ISK",
      "JPY",
      "KMF",
      "KRW",
      "PYG",
      "RWF",
      "UGX",
      "UYI",
      "VND",
      "VUV",
      "XAF",
      "XOF",
      "XPF",
    ]);
  });

  it("lists the three-decimal currencies", () => {
    expect(codesWith(3)).toStrictEqual(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
  });

  it("lists the four-decimal units of account", () => {
    expect(codesWith(4)).toStrictEqual(["CLF", "UYW"]);
  });

  it("has every other active code at two decimals, and only three capital letters as keys", () => {
    expect(codesWith(2).length).toBe(139);
    expect(Object.keys(ISO_4217_MINOR_UNITS).length).toBe(165);
    expect(Object.keys(ISO_4217_MINOR_UNITS).every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    for (const code of [
      "USD",
      "EUR",
      "CNY",
      "HKD",
      "SGD",
      "GBP",
      "IDR",
      "XCG",
      "ZWG",
      "SLE",
      "VES",
    ]) {
      expect([code, ISO_4217_MINOR_UNITS[code]]).toStrictEqual([code, 2]);
    }
  });

  it("leaves out withdrawn codes and codes without a minor unit", () => {
    for (const code of [
      "HRK",
      "SLL",
      "ZWL",
      "VEF",
      "MRO",
      "STD",
      "BYR",
      "XAU",
      "XDR",
      "XTS",
      "XXX",
    ]) {
      expect([code, ISO_4217_MINOR_UNITS[code]]).toStrictEqual([code, undefined]);
    }
  });
});

describe("minorUnitDigits", () => {
  it.each([
    ["USD", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
    ["CLF", 4],
    ["UYW", 4],
  ])("%s has %i", (code, digits) => {
    expect(minorUnitDigits(code)).toBe(digits);
  });

  it("refuses a lowercase code with a hint, rather than fixing it", () => {
    expect(errorOf(() => minorUnitDigits("usd"))).toStrictEqual([
      "CURRENCY_LOWERCASE",
      'Expected an ISO 4217 code in capitals; got "usd".',
      'Use "USD": the provider accepts capitals only.',
    ]);
    expect(errorOf(() => minorUnitDigits("Jpy"))[0]).toBe("CURRENCY_LOWERCASE");
  });

  it.each(["XYZ", "", "US", "USDD", " USD", "HRK", "toString", "__proto__", "constructor"])(
    "refuses %j as unknown",
    (code) => {
      expect(errorOf(() => minorUnitDigits(code))[0]).toBe("CURRENCY_UNKNOWN");
    },
  );

  it("throws a TypeError for a non-string", () => {
    expect(() => minorUnitDigits(840 as unknown as string)).toThrow(TypeError);
  });
});
