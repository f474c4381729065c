import { describe, expect, it } from "vitest";
import { AmountError } from "./amount-error.ts";
import { formatAmount } from "./format-amount.ts";

describe("formatAmount", () => {
  it.each([
    [{ currency: "USD", value: "599" }, "en-US", "$5.99"],
    [{ currency: "USD", value: "0" }, "en-US", "$0.00"],
    [{ currency: "JPY", value: "599" }, "en-US", "¥599"],
    [{ currency: "KWD", value: "1234" }, "en-US", "KWD 1.234"],
    [{ currency: "EUR", value: "123456" }, "de-DE", "1.234,56 €"],
    [{ currency: "IDR", value: "1500000" }, "en-US", "IDR 15,000.00"],
    [{ currency: "CLF", value: "12345" }, "en-US", "CLF 1.2345"],
    [
      { currency: "USD", value: "123456789012345678901234567" },
      "en-US",
      "$1,234,567,890,123,456,789,012,345.67",
    ],
  ])("%j in %s is %s", (amount, locale, text) => {
    expect(formatAmount(amount, locale).replace(/\u00a0/g, " ")).toBe(text);
  });

  it("uses the ISO 4217 decimals even where the locale data says otherwise", () => {
    // Locale data shows IDR without decimals; the wire value 150 is IDR 1.50, not IDR 150.
    expect(formatAmount({ currency: "IDR", value: "150" }, "en-US").replace(/\u00a0/g, " ")).toBe(
      "IDR 1.50",
    );
  });

  it("refuses amounts that are not minor units", () => {
    expect(() => formatAmount({ currency: "USD", value: "5.99" }, "en-US")).toThrow(AmountError);
    expect(() => formatAmount({ currency: "usd", value: "599" }, "en-US")).toThrow(AmountError);
  });
});
