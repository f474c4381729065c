import { formatAmount, toMinorUnits } from "@ams-edge/core";
import type { Amount } from "../client/payment-view.ts";
import { AmountInputError } from "./amount-input-error.ts";

/** Bounds in minor units, inclusive: `{ min: "100", max: "50000" }` is 1.00 to 500.00 in USD. */
export interface AmountLimits {
  min?: string;
  max?: string;
}

/** A typed amount, checked: either the amount in minor units or why it cannot be charged. */
export type ParsedAmount =
  | { amount: Amount; error: null }
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
  let text = input.trim();
  if (text === "") return fail("AMOUNT_EMPTY", "Enter an amount.");
  // A lone comma is a decimal separator in much of the world; with a dot present it is ambiguous.
  if (!text.includes(".")) text = text.replace(",", ".");
  // Half-typed keypad text ("5." or ".5") means what it will mean once finished.
  if (text.endsWith(".")) text = text.slice(0, -1);
  if (text.startsWith(".")) text = `0${text}`;
  let value: string;
  try {
    if (!/^\d+(\.\d+)?$/.test(text)) throw new TypeError(`not a number: ${text}`);
    value = toMinorUnits(text, currency).replace(/^0+(?=\d)/, "");
  } catch (cause) {
    return fail("AMOUNT_INVALID", `"${input.trim()}" is not a valid ${currency} amount.`, cause);
  }
  const amount = { currency, value };
  const min = BigInt(limits.min ?? "1");
  if (BigInt(value) < (min > 0n ? min : 1n)) {
    const shown = formatAmount({ currency, value: String(min > 0n ? min : 1n) }, locale);
    return fail("AMOUNT_TOO_SMALL", `The amount must be at least ${shown}.`);
  }
  if (limits.max !== undefined && BigInt(value) > BigInt(limits.max)) {
    const shown = formatAmount({ currency, value: limits.max }, locale);
    return fail("AMOUNT_TOO_LARGE", `The amount must be at most ${shown}.`);
  }
  return { amount, error: null };
}

function fail(code: AmountInputError["code"], message: string, cause?: unknown): ParsedAmount {
  return { amount: null, error: new AmountInputError(code, message, cause) };
}
