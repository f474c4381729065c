import { describe, expect, it } from "vitest";
import { addAmounts, compareAmounts, subtractAmounts } from "./amount-arithmetic.ts";
import { AmountError, type AmountErrorCode } from "./amount-error.ts";

function errorOf(fn: () => unknown): [AmountErrorCode, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return [error.code, error.message];
    throw error;
  }
  throw new Error("expected an AmountError");
}

const usd = (value: string) => ({ currency: "USD", value });

describe("addAmounts", () => {
  it("adds exactly, beyond Number's range", () => {
    expect(addAmounts(usd("599"), usd("1"))).toStrictEqual(usd("600"));
    expect(addAmounts(usd("9007199254740993"), usd("9007199254740993"))).toStrictEqual(
      usd("18014398509481986"),
    );
    expect(addAmounts(usd("0"), usd("007"))).toStrictEqual(usd("7"));
  });

  it("refuses different currencies", () => {
    expect(errorOf(() => addAmounts(usd("1"), { currency: "EUR", value: "1" }))).toStrictEqual([
      "CURRENCY_MISMATCH",
      "Expected amounts in one currency; got USD and EUR.",
    ]);
  });

  it("refuses values that are not minor units", () => {
    expect(errorOf(() => addAmounts(usd("5.99"), usd("1")))[0]).toBe("AMOUNT_NOT_MINOR_UNITS");
    expect(errorOf(() => addAmounts(usd("1"), usd("-1")))[0]).toBe("AMOUNT_NEGATIVE");
    expect(errorOf(() => addAmounts({ currency: "usd", value: "1" }, usd("1")))[0]).toBe(
      "CURRENCY_LOWERCASE",
    );
  });
});

describe("subtractAmounts", () => {
  it("subtracts down to zero and refuses going below", () => {
    expect(subtractAmounts(usd("599"), usd("99"))).toStrictEqual(usd("500"));
    expect(subtractAmounts(usd("599"), usd("599"))).toStrictEqual(usd("0"));
    expect(errorOf(() => subtractAmounts(usd("599"), usd("600")))).toStrictEqual([
      "AMOUNT_RESULT_NEGATIVE",
      "Expected 600 to be at most 599 USD.",
    ]);
  });
});

describe("compareAmounts", () => {
  it("orders amounts of one currency", () => {
    expect(compareAmounts(usd("599"), usd("600"))).toBe(-1);
    expect(compareAmounts(usd("0599"), usd("599"))).toBe(0);
    expect(compareAmounts(usd("100000000000000000001"), usd("100000000000000000000"))).toBe(1);
    expect([usd("10"), usd("9"), usd("100")].sort(compareAmounts)).toStrictEqual([
      usd("9"),
      usd("10"),
      usd("100"),
    ]);
  });

  it("refuses to compare across currencies", () => {
    expect(errorOf(() => compareAmounts(usd("1"), { currency: "JPY", value: "1" }))[0]).toBe(
      "CURRENCY_MISMATCH",
    );
  });
});
