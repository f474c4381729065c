import { minorUnitDigits } from "./minor-unit-digits.ts";
import { parseMinorUnits } from "./parse-digits.ts";

/**
 * Converts a wire value in minor units to a decimal string in major units with exactly the
 * currency's number of decimals.
 *
 * @example
 * fromMinorUnits("599", "USD");  // "5.99"
 * fromMinorUnits("5", "USD");    // "0.05"
 * fromMinorUnits("599", "JPY");  // "599"
 */
export function fromMinorUnits(value: string, currency: string): string {
  const digits = minorUnitDigits(currency);
  const minor = parseMinorUnits(value);
  if (digits === 0) return minor;
  const padded = minor.padStart(digits + 1, "0");
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
