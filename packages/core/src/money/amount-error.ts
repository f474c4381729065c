import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/** Stable codes of {@link AmountError}. */
export type AmountErrorCode =
  | "AMOUNT_EMPTY"
  | "AMOUNT_WHITESPACE"
  | "AMOUNT_PLUS_SIGN"
  | "AMOUNT_NEGATIVE"
  | "AMOUNT_EXPONENT"
  | "AMOUNT_INVALID"
  | "AMOUNT_EXCESS_PRECISION"
  | "AMOUNT_NOT_MINOR_UNITS"
  | "AMOUNT_RESULT_NEGATIVE"
  | "CURRENCY_UNKNOWN"
  | "CURRENCY_LOWERCASE"
  | "CURRENCY_MISMATCH";

/** An amount or currency that cannot be converted or combined exactly. */
export class AmountError extends AmsEdgeError<AmountErrorCode> {
  constructor(
    code: AmountErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(code, message, options);
    this.name = "AmountError";
  }
}
