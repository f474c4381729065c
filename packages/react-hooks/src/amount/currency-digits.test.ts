import { AmountError, ISO_4217_MINOR_UNITS, minorUnitDigits } from "@ams-edge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { currencyDigits } from "./currency-digits.ts";

function errorOf(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return [error.code, error.message];
    throw error;
  }
  throw new Error("expected an AmountError");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("currencyDigits", () => {
  it("gives each ISO 4217 currency the digits of core's table", () => {
    const codes = Object.keys(ISO_4217_MINOR_UNITS);
    expect(codes.length).toBe(165);
    const given = codes.map((code) => {
      try {
        return [code, currencyDigits(code)];
      } catch (error) {
        return [code, (error as AmountError).code];
      }
    });
    expect(given).toStrictEqual(codes.map((code) => [code, ISO_4217_MINOR_UNITS[code]]));
  });

  it("refuses an unknown or lowercase code with core's codes", () => {
    const message = (got: string) =>
      `Expected an ISO 4217 currency code in capitals, e.g. "USD"; got ${got}.`;
    expect(errorOf(() => currencyDigits("XYZ"))).toStrictEqual([
      "CURRENCY_UNKNOWN",
      message('"XYZ"'),
    ]);
    expect(errorOf(() => currencyDigits("usd"))).toStrictEqual([
      "CURRENCY_LOWERCASE",
      message('"usd"'),
    ]);
    expect(errorOf(() => currencyDigits("Jpy"))[0]).toBe("CURRENCY_LOWERCASE");
    for (const code of ["", "US", "USDX", "U$D", "xyz", "BIF CLP", "FCL"]) {
      expect([code, errorOf(() => currencyDigits(code))[0]]).toStrictEqual([
        code,
        "CURRENCY_UNKNOWN",
      ]);
    }
    // Core refuses the same codes with the same error codes.
    for (const code of ["XYZ", "usd", "Jpy", "FCL"]) {
      expect(errorOf(() => currencyDigits(code))[0]).toBe(errorOf(() => minorUnitDigits(code))[0]);
    }
  });

  it("relies on the runtime's currency list for the two-digit codes", () => {
    // A runtime that does not know EUR refuses it; the codes listed here still pass.
    vi.spyOn(Intl, "supportedValuesOf").mockReturnValue(["USD"]);
    expect(errorOf(() => currencyDigits("EUR"))[0]).toBe("CURRENCY_UNKNOWN");
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("KWD")).toBe(3);
    // Codes that older or trimmed CLDR data lacks pass without the runtime's list.
    for (const code of ["VED", "VES", "MRU", "STN", "SLE", "ZWG", "XCG", "BOV", "USN"]) {
      expect([code, currencyDigits(code)]).toStrictEqual([code, 2]);
    }
  });
});
