import * as v from "valibot";

/** `S` succeeded, `F` failed for good, `U` unknown (retry with the same id, or inquire). */
export const ResultStatusSchema = v.picklist(["S", "F", "U"]);

/** The `result` object of every response and notification; unknown keys are kept. */
export const ResultSchema = v.looseObject({
  /** Result code, e.g. `"SUCCESS"`, `"PAYMENT_IN_PROCESS"`, `"USER_BALANCE_NOT_ENOUGH"`. */
  resultCode: v.string(),
  /** `S`, `F` or `U`: the status of the call (or of the payment, in a notification). */
  resultStatus: ResultStatusSchema,
  /** Human-readable text; the provider may leave it out. */
  resultMessage: v.optional(v.string()),
});

/** Input type of {@link ResultSchema}. */
export type ResultInput = v.InferInput<typeof ResultSchema>;
/** Output type of {@link ResultSchema}. */
export type ResultOutput = v.InferOutput<typeof ResultSchema>;
