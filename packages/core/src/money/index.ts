/**
 * Exact money in ISO 4217 minor units, as the AMS wire carries it (`{ currency: "USD", value:
 * "599" }` is USD 5.99). Strings and BigInt only, never floating point. Currency codes must be in
 * capitals: a lowercase code is refused with a hint (`CURRENCY_LOWERCASE`), not silently
 * upper-cased, because the same string is sent to the provider.
 */
export {
  addAmounts,
  compareAmounts,
  type MoneyAmount,
  subtractAmounts,
} from "./amount-arithmetic.ts";
export { AmountError, type AmountErrorCode } from "./amount-error.ts";
export { formatAmount } from "./format-amount.ts";
export { fromMinorUnits } from "./from-minor-units.ts";
export { ISO_4217_MINOR_UNITS, minorUnitDigits } from "./minor-unit-digits.ts";
export { toMinorUnits } from "./to-minor-units.ts";
