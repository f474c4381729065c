import type { AmountView } from "@ams-edge/core/api";
import { AmountInputError } from "./amount-input-error.ts";
import { currencyDigits } from "./currency-digits.ts";
import { formatMinorUnits } from "./format-minor-units.ts";

/** Bounds in minor units, inclusive: `{ min: "100", max: "50000" }` is 1.00 to 500.00 in USD. */
export interface AmountLimits {
  min?: string;
  max?: string;
}

/** A typed amount, checked: either the amount in minor units or why it cannot be charged. */
export type ParsedAmount =
  | { amount: AmountView; error: null }
  | { amount: null; error: AmountInputError };

/**
 * Reads what a person typed (`"5.99"`, `"5,99"`, `" 12 "`) as an amount of `currency` in minor
 * units, exactly (no floating point), refusing more decimals than the currency has.
 * @example
 * parseAmountInput("5.99", "USD"); // { amount: { currency: "USD", value: "599" }, error: null }
 * parseAmountInput("5.5", "JPY").error?.code; // "AMOUNT_INVALID"
 */
export function parseAmountInput(
  input: string,
  currency: string,
  limits: AmountLimits = {},
  locale?: string,
): ParsedAmount {
  const typed = input.trim();
  if (!typed) return fail("AMOUNT_EMPTY", "Enter an amount.");
  // A lone comma is a decimal separator in much of the world; with a dot present it is ambiguous.
  // Half-typed keypad text ("5." or ".5") means what it will mean once finished.
  const [, whole = "", fraction = ""] =
    /^(\d*)\.?(\d*)$/.exec(typed.includes(".") ? typed : typed.replace(",", ".")) ?? [];
  let digits = 0;
  let cause: unknown;
  try {
    digits = currencyDigits(currency);
  } catch (error) {
    cause = error;
  }
  // Extra decimals are fine only as trailing zeros ("5.990"); anything else would be rounding.
  if (cause || !(whole + fraction) || /[1-9]/.test(fraction.slice(digits))) {
    return fail("AMOUNT_INVALID", `"${typed}" is not a valid ${currency} amount.`, cause);
  }
  const value = BigInt(whole + fraction.slice(0, digits).padEnd(digits, "0"));
  const min = BigInt(limits.min ?? 1);
  const floor = min > 1n ? min : 1n;
  if (value < floor) {
    const shown = formatMinorUnits({ currency, value: String(floor) }, locale);
    return fail("AMOUNT_TOO_SMALL", `The amount must be at least ${shown}.`);
  }
  if (limits.max !== undefined && value > BigInt(limits.max)) {
    const shown = formatMinorUnits({ currency, value: limits.max }, locale);
    return fail("AMOUNT_TOO_LARGE", `The amount must be at most ${shown}.`);
  }
  return { amount: { currency, value: String(value) }, error: null };
}

function fail(code: AmountInputError["code"], message: string, cause?: unknown): ParsedAmount {
  return { amount: null, error: new AmountInputError(code, message, cause) };
}
