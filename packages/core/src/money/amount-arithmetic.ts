import { AmountError } from "./amount-error.ts";
import { minorUnitDigits } from "./minor-unit-digits.ts";
import { parseMinorUnits } from "./parse-digits.ts";

/** An amount in minor units, as on the wire: `{ currency: "USD", value: "599" }`. */
export interface MoneyAmount {
  /** ISO 4217 code in capitals. */
  readonly currency: string;
  /** Minor units as a string of digits. */
  readonly value: string;
}

/** Checks both amounts and their common currency; returns their values as BigInts. */
function operands(a: MoneyAmount, b: MoneyAmount): [bigint, bigint] {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    throw new TypeError('Expected two amounts like { currency: "USD", value: "599" }');
  }
  minorUnitDigits(a.currency);
  minorUnitDigits(b.currency);
  if (a.currency !== b.currency) {
    throw new AmountError(
      "CURRENCY_MISMATCH",
      `Expected amounts in one currency; got ${a.currency} and ${b.currency}.`,
      {
        hint: "Amounts in different currencies cannot be combined or compared without a rate.",
      },
    );
  }
  return [BigInt(parseMinorUnits(a.value)), BigInt(parseMinorUnits(b.value))];
}

/**
 * Adds two amounts of the same currency exactly.
 *
 * @example
 * addAmounts({ currency: "USD", value: "599" }, { currency: "USD", value: "1" }); // { currency: "USD", value: "600" }
 */
export function addAmounts(a: MoneyAmount, b: MoneyAmount): MoneyAmount {
  const [x, y] = operands(a, b);
  return { currency: a.currency, value: (x + y).toString() };
}

/**
 * Subtracts `b` from `a` (same currency); refuses a negative result (`AMOUNT_RESULT_NEGATIVE`),
 * e.g. refunding more than what is left.
 */
export function subtractAmounts(a: MoneyAmount, b: MoneyAmount): MoneyAmount {
  const [x, y] = operands(a, b);
  if (y > x) {
    throw new AmountError(
      "AMOUNT_RESULT_NEGATIVE",
      `Expected ${b.value} to be at most ${a.value} ${a.currency}.`,
      {
        hint: "The amount subtracted is larger than the amount it is taken from.",
      },
    );
  }
  return { currency: a.currency, value: (x - y).toString() };
}

/**
 * Compares two amounts of the same currency: -1, 0 or 1, like a sort comparator.
 *
 * @example
 * compareAmounts(paid, ordered) === 0; // the customer paid exactly the order's amount
 */
export function compareAmounts(a: MoneyAmount, b: MoneyAmount): -1 | 0 | 1 {
  const [x, y] = operands(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}
