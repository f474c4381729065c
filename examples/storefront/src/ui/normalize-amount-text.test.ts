import { describe, expect, it } from "vitest";
import { normalizeAmountText } from "./normalize-amount-text.ts";

describe("normalizeAmountText", () => {
  it("keeps what a keypad could have typed", () => {
    expect(normalizeAmountText("12.50", "USD")).toBe("12.50");
    expect(normalizeAmountText(".5", "USD")).toBe("0.5");
  });

  it("drops symbols, spaces and extra decimals, and reads a comma as the decimal point", () => {
    expect(normalizeAmountText("$ 1,2.345", "USD")).toBe("1.23");
    expect(normalizeAmountText("0007", "USD")).toBe("7");
  });

  it("follows the currency's minor units", () => {
    expect(normalizeAmountText("1500.5", "JPY")).toBe("15005");
    expect(normalizeAmountText("1.2345", "KWD")).toBe("1.234");
  });
});
