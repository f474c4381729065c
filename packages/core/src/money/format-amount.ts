import type { MoneyAmount } from "./amount-arithmetic.ts";
import { fromMinorUnits } from "./from-minor-units.ts";
import { minorUnitDigits } from "./minor-unit-digits.ts";

/**
 * Formats an amount in minor units for people, with `Intl.NumberFormat` and exactly the
 * currency's ISO 4217 decimals (passed as a decimal string, so nothing is lost to floating
 * point). `locale` defaults to the runtime's.
 *
 * @example
 * formatAmount({ currency: "USD", value: "599" }, "en-US"); // "$5.99"
 * formatAmount({ currency: "JPY", value: "599" }, "ja-JP"); // "￥599"
 */
export function formatAmount(amount: MoneyAmount, locale?: Intl.LocalesArgument): string {
  const digits = minorUnitDigits(amount.currency);
  const decimal = fromMinorUnits(amount.value, amount.currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: amount.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(decimal as Intl.StringNumericLiteral);
}
