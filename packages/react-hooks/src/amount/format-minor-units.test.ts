import { formatAmount } from "@ams-edge/core";
import { describe, expect, it } from "vitest";
import { formatMinorUnits } from "./format-minor-units.ts";

describe("formatMinorUnits", () => {
  it("formats exactly the currency's ISO 4217 decimals", () => {
    expect(formatMinorUnits({ currency: "USD", value: "599" }, "en-US")).toBe("$5.99");
    expect(formatMinorUnits({ currency: "USD", value: "5" }, "en-US")).toBe("$0.05");
    expect(formatMinorUnits({ currency: "JPY", value: "599" }, "en-US")).toBe("¥599");
    expect(formatMinorUnits({ currency: "KWD", value: "1234" }, "en-US")).toBe("KWD\u00a01.234");
    // ISO 4217 gives IQD 3 decimals where CLDR shows none: the wire value is in ISO minor units.
    expect(formatMinorUnits({ currency: "IQD", value: "599" }, "en-US")).toBe("IQD\u00a00.599");
    expect(formatMinorUnits({ currency: "USD", value: "123456789012345678901" }, "en-US")).toBe(
      "$1,234,567,890,123,456,789.01",
    );
  });

  it("says what core's formatAmount says", () => {
    const amounts = [
      { currency: "USD", value: "0" },
      { currency: "EUR", value: "100050" },
      { currency: "CLF", value: "12345" },
      { currency: "BHD", value: "7" },
      { currency: "KRW", value: "15000" },
    ];
    for (const locale of ["en-US", "de-DE", "ja-JP"]) {
      for (const amount of amounts) {
        expect(formatMinorUnits(amount, locale)).toBe(formatAmount(amount, locale));
      }
    }
  });

  it("refuses an unknown currency as core does", () => {
    expect(() => formatMinorUnits({ currency: "XYZ", value: "1" })).toThrow(
      expect.objectContaining({ code: "CURRENCY_UNKNOWN" }),
    );
  });
});
