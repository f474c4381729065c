import { describe, expect, it } from "vitest";
import { parseAmountInput } from "./parse-amount-input.ts";

const codeOf = (input: string, currency: string, limits = {}) =>
  parseAmountInput(input, currency, limits, "en-US").error?.code ?? null;

describe("parseAmountInput", () => {
  it("converts to minor units exactly, per currency", () => {
    expect(parseAmountInput("5.99", "USD")).toStrictEqual({
      amount: { currency: "USD", value: "599" },
      error: null,
    });
    expect(parseAmountInput(" 599 ", "JPY").amount).toStrictEqual({
      currency: "JPY",
      value: "599",
    });
    expect(parseAmountInput("1.234", "KWD").amount).toStrictEqual({
      currency: "KWD",
      value: "1234",
    });
    expect(parseAmountInput("0.1", "USD").amount).toStrictEqual({ currency: "USD", value: "10" });
    expect(parseAmountInput("5,5", "EUR").amount).toStrictEqual({ currency: "EUR", value: "550" });
    expect(parseAmountInput("5.", "USD").amount).toStrictEqual({ currency: "USD", value: "500" });
    expect(parseAmountInput(".5", "USD").amount).toStrictEqual({ currency: "USD", value: "50" });
    expect(parseAmountInput("0012.30", "USD").amount).toStrictEqual({
      currency: "USD",
      value: "1230",
    });
    expect(parseAmountInput("5.990", "USD").amount).toStrictEqual({
      currency: "USD",
      value: "599",
    });
    expect(parseAmountInput(",5", "USD").amount).toStrictEqual({ currency: "USD", value: "50" });
    expect(parseAmountInput("1.2340", "KWD").amount).toStrictEqual({
      currency: "KWD",
      value: "1234",
    });
    expect(parseAmountInput("12345678901234567890.5", "USD").amount).toStrictEqual({
      currency: "USD",
      value: "1234567890123456789050",
    });
  });

  it("refuses what cannot be charged, with a code and a message to show", () => {
    expect(codeOf("", "USD")).toBe("AMOUNT_EMPTY");
    expect(codeOf("5.999", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf("5.5", "JPY")).toBe("AMOUNT_INVALID");
    expect(codeOf("1,000.00", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf("-5", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf("1e3", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf(".", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf("5..", "USD")).toBe("AMOUNT_INVALID");
    expect(codeOf("1.2345", "KWD")).toBe("AMOUNT_INVALID");
    expect(codeOf("5,5,5", "EUR")).toBe("AMOUNT_INVALID");
    expect(codeOf("0", "USD")).toBe("AMOUNT_TOO_SMALL");
    expect(codeOf("0.00", "USD")).toBe("AMOUNT_TOO_SMALL");
    expect(codeOf("0.99", "USD", { min: "100" })).toBe("AMOUNT_TOO_SMALL");
    expect(codeOf("500.01", "USD", { max: "50000" })).toBe("AMOUNT_TOO_LARGE");
    expect(codeOf("500.00", "USD", { min: "100", max: "50000" })).toBe(null);
    expect(parseAmountInput("5.999", "USD").error?.message).toBe(
      '"5.999" is not a valid USD amount.',
    );
    const unknown = parseAmountInput("5", "usd").error;
    expect([
      unknown?.code,
      unknown?.message,
      (unknown?.cause as { code?: string })?.code,
    ]).toStrictEqual(["AMOUNT_INVALID", '"5" is not a valid usd amount.', "CURRENCY_LOWERCASE"]);
    expect(parseAmountInput("0.5", "USD", { min: "100" }, "en-US").error?.message).toBe(
      "The amount must be at least $1.00.",
    );
    expect(parseAmountInput("600", "USD", { max: "50000" }, "en-US").error?.message).toBe(
      "The amount must be at most $500.00.",
    );
  });
});
