import * as v from "valibot";

// One currency check for both directions: requests and responses must agree on what a code is.
const CurrencySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code like "USD"'),
);

/**
 * An amount we send: an ISO 4217 code in capitals and a value in minor units as a canonical
 * string of digits (USD 5.99 is `{ currency: "USD", value: "599" }`). Unknown keys are errors.
 */
export const AmountSchema = v.strictObject({
  /** ISO 4217 alphabetic code in capitals, e.g. `"USD"`. */
  currency: CurrencySchema,
  /** Minor units as a string of digits without leading zeros, e.g. `"599"` for USD 5.99. */
  value: v.pipe(
    v.string(),
    v.regex(/^(?:0|[1-9]\d*)$/, 'Expected minor units as a string of digits, e.g. "599"'),
  ),
});

/** Input type of {@link AmountSchema}. */
export type AmountInput = v.InferInput<typeof AmountSchema>;
/** Output type of {@link AmountSchema}. */
export type AmountOutput = v.InferOutput<typeof AmountSchema>;

/**
 * An amount the provider sends: same fields as {@link AmountSchema}, unknown keys kept, and a
 * value of digits (leading zeros tolerated).
 */
export const ResponseAmountSchema = v.looseObject({
  /** ISO 4217 alphabetic code in capitals, e.g. `"USD"`. */
  currency: CurrencySchema,
  /** Minor units as a string of digits. */
  value: v.pipe(v.string(), v.regex(/^\d+$/, "Expected minor units as a string of digits")),
});

/** Input type of {@link ResponseAmountSchema}. */
export type ResponseAmountInput = v.InferInput<typeof ResponseAmountSchema>;
/** Output type of {@link ResponseAmountSchema}. */
export type ResponseAmountOutput = v.InferOutput<typeof ResponseAmountSchema>;
