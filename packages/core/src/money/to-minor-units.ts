import { AmountError } from "./amount-error.ts";
import { minorUnitDigits } from "./minor-unit-digits.ts";
import { parseDecimal, stripLeadingZeros } from "./parse-digits.ts";

/**
 * Converts a decimal amount in major units to the wire's minor units, exactly (strings only, no
 * floating point, any size). Trailing zeros past the currency's precision are fine (`"5.990"`);
 * any other extra digit is refused (`AMOUNT_EXCESS_PRECISION`), never rounded.
 *
 * @example
 * toMinorUnits("5.99", "USD");  // "599"
 * toMinorUnits("599", "JPY");   // "599"
 * toMinorUnits("1.234", "KWD"); // "1234"
 */
export function toMinorUnits(amount: string, currency: string): string {
  const digits = minorUnitDigits(currency);
  const { integer, fraction } = parseDecimal(amount);
  const kept = fraction.slice(0, digits);
  const dropped = fraction.slice(digits);
  if (/[1-9]/.test(dropped)) {
    throw new AmountError(
      "AMOUNT_EXCESS_PRECISION",
      `Expected at most ${digits} decimal places for ${currency}; got ${JSON.stringify(amount)}.`,
      {
        hint: "Round the amount to the currency's minor unit before converting; it is never rounded here.",
      },
    );
  }
  return stripLeadingZeros(integer + kept.padEnd(digits, "0"));
}
