import { currencyDigits } from "./currency-digits.ts";

/** A key of an amount keypad: a digit, the decimal point, backspace or clear. */
export type AmountKey =
  | "0"
  | "1"
  | "2"
  | "3"
  | "4"
  | "5"
  | "6"
  | "7"
  | "8"
  | "9"
  | "."
  | "backspace"
  | "clear";

/** The longest run of integer digits a keypad accepts (beyond any real in-store amount). */
const maxIntegerDigits = 9;

/**
 * The keypad text after pressing `key`: it never holds more decimals than `currency` has (none
 * for JPY), no leading zeros, and at most one decimal point. Keys that would break that are
 * ignored, so the text is always a valid prefix of an amount.
 * @example
 * ["5", ".", "9", "9", "9"].reduce((t, k) => pressAmountKey(t, k, "USD"), ""); // "5.99"
 */
export function pressAmountKey(text: string, key: AmountKey, currency: string): string {
  if (key === "clear") return "";
  if (key === "backspace") return text.slice(0, -1);
  const digits = currencyDigits(currency);
  const [whole = "", fraction] = text.split(".");
  if (key === ".") {
    if (digits === 0 || fraction !== undefined) return text;
    return `${whole || "0"}.`;
  }
  if (fraction !== undefined) return fraction.length < digits ? text + key : text;
  if (whole === "0") return key;
  return whole.length < maxIntegerDigits ? text + key : text;
}
