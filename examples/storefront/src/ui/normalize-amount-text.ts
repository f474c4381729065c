import { type AmountKey, pressAmountKey } from "@ams-edge/react-hooks";

/**
 * What typed or pasted text becomes in an amount field: each character pressed as a keypad key,
 * so the field and the on-screen keypad obey the same rules (digits, one decimal point, no more
 * decimals than the currency has). Anything else is dropped.
 * @example
 * normalizeAmountText("$1,2.345", "USD"); // "12.34"
 */
export function normalizeAmountText(text: string, currency: string): string {
  let result = "";
  for (const char of text) {
    const key: AmountKey | null = /^[0-9]$/.test(char)
      ? (char as AmountKey)
      : char === "." || char === ","
        ? "."
        : null;
    if (key !== null) result = pressAmountKey(result, key, currency);
  }
  return result;
}
