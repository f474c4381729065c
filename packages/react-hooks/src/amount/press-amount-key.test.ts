import { describe, expect, it } from "vitest";
import { type AmountKey, pressAmountKey } from "./press-amount-key.ts";

const type = (keys: AmountKey[], currency: string) =>
  keys.reduce((text, key) => pressAmountKey(text, key, currency), "");

describe("pressAmountKey", () => {
  it("keeps the text a valid amount prefix for the currency", () => {
    expect(type(["5", ".", "9", "9", "9"], "USD")).toBe("5.99");
    expect(type([".", "5"], "USD")).toBe("0.5");
    expect(type(["0", "0", "7"], "USD")).toBe("7");
    expect(type(["1", ".", "."], "USD")).toBe("1.");
    expect(type(["5", ".", "0"], "JPY")).toBe("50");
    expect(type(["1", ".", "2", "3", "4", "5"], "KWD")).toBe("1.234");
    expect(type(["9", "9", "9", "9", "9", "9", "9", "9", "9", "9"], "USD")).toBe("999999999");
  });

  it("deletes and clears", () => {
    expect(type(["5", ".", "9", "backspace"], "USD")).toBe("5.");
    expect(type(["5", "backspace", "backspace"], "USD")).toBe("");
    expect(type(["5", "1", "clear"], "USD")).toBe("");
  });
});
