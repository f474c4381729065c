import type { AmountView } from "@ams-edge/core/api";
import { currencyDigits } from "./currency-digits.ts";

/**
 * Formats an amount in minor units for people (`{ currency: "USD", value: "599" }` is "$5.99"),
 * as core's `formatAmount` does, for values already known to be digits (checked by
 * `isPaymentView` or made by `parseAmountInput`). The value reaches `Intl.NumberFormat` as an
 * exact decimal string (`"599E-2"`): nothing is lost to floating point, and core's decimal
 * parser with all its messages stays out of customer pages.
 */
export function formatMinorUnits({ currency, value }: AmountView, locale?: string): string {
  const digits = currencyDigits(currency);
  // The maximum defaults to the larger of this and the locale data's digits, and the value has
  // exactly `digits` decimals: both bounds are `digits`.
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
  }).format(`${value}E-${digits}` as Intl.StringNumericLiteral);
}
