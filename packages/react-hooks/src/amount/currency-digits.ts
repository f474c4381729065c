import { AmountError } from "@ams-edge/core";
import { CURRENCY_PATTERN } from "@ams-edge/core/api";

// ISO 4217 codes whose minor unit is not 2 digits, each group after its digit count, then the
// two-digit codes that a browser's currency list may lack (fund codes, and codes introduced since
// 2018, which older CLDR data does not have). Core's full table stays out of customer pages (the
// tests hold this list to it); any other code the runtime lists as a currency has 2.
const iso =
  "0BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF 3BHD IQD JOD KWD LYD OMR TND 4CLF UYW 2BOV CHE CHW COU MXV USN VED VES MRU STN SLE ZWG XCG";

/** True for a code in capitals that the list above or the runtime's currency list has. */
const known = (code: string) =>
  CURRENCY_PATTERN.test(code) &&
  (iso.includes(code) ||
    // An engine without the list (before 2022) leaves the Worker to refuse an unknown code.
    Intl.supportedValuesOf?.("currency").includes(code) !== false);

/**
 * The number of ISO 4217 minor-unit digits of `currency` (`USD` 2, `JPY` 0, `KWD` 3), for the
 * customer-facing amount helpers. An unknown code throws an `AmountError` before anything reaches
 * the Worker: `CURRENCY_LOWERCASE` for a known code in small letters, else `CURRENCY_UNKNOWN`.
 */
export function currencyDigits(currency: string): number {
  if (!known(currency)) {
    throw new AmountError(
      known(String(currency).toUpperCase()) ? "CURRENCY_LOWERCASE" : "CURRENCY_UNKNOWN",
      `Expected an ISO 4217 currency code in capitals, e.g. "USD"; got ${JSON.stringify(currency)}.`,
    );
  }
  const at = iso.indexOf(currency);
  return at < 0 ? 2 : Number(iso.slice(0, at).match(/\d/g)?.pop());
}
