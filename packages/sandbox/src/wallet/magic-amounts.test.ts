import { describe, expect, it } from "vitest";
import { MAGIC_AMOUNTS, magicAmountFor } from "./magic-amounts.ts";

describe("magicAmountFor", () => {
  it("selects by the last three digits of the value in minor units", () => {
    expect(magicAmountFor("701")?.payAfterMs).toBe(100);
    expect(magicAmountFor("12701")?.payAfterMs).toBe(100);
    expect(magicAmountFor("1711")?.declineCode).toBe("USER_BALANCE_NOT_ENOUGH");
    expect(magicAmountFor("741")?.silent).toBe(true);
  });

  it("leaves ordinary amounts alone", () => {
    for (const value of ["0", "1", "599", "1000", "1299", "70", "7010"])
      expect(magicAmountFor(value)).toBeUndefined();
  });

  it("has one entry per suffix, each three digits", () => {
    const suffixes = MAGIC_AMOUNTS.map((magic) => magic.suffix);
    expect(new Set(suffixes).size).toBe(suffixes.length);
    expect(suffixes.every((suffix) => /^\d{3}$/.test(suffix))).toBe(true);
  });
});
