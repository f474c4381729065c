import * as v from "valibot";
import type { KnownFields } from "./known-fields.ts";
import { CURRENCY_PATTERN, MINOR_UNITS_PATTERN } from "./wire-patterns.ts";

/** An amount in minor units, as everywhere in the Worker's API: `{ currency: "USD", value: "599" }`. */
export const AmountViewSchema = v.looseObject({
  /** ISO 4217 code, e.g. `"USD"`. */
  currency: v.pipe(
    v.string(),
    v.regex(CURRENCY_PATTERN, 'expected an ISO 4217 code such as "USD"'),
  ),
  /** Whole minor units as a string of digits, e.g. `"599"` (`"0"` for nothing). */
  value: v.pipe(
    v.string(),
    v.regex(MINOR_UNITS_PATTERN, 'expected minor units as a string of digits, e.g. "599"'),
  ),
});

/** An amount in minor units: `{ currency: "USD", value: "599" }` is USD 5.99. */
export type AmountView = KnownFields<v.InferOutput<typeof AmountViewSchema>>;
