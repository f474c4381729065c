import { AmsEdgeError } from "@ams-edge/core";

/**
 * Why a typed amount cannot be charged: `AMOUNT_EMPTY` (nothing typed), `AMOUNT_INVALID` (not a
 * number, or more decimals than the currency has), `AMOUNT_TOO_SMALL` (zero or under the
 * minimum), `AMOUNT_TOO_LARGE` (over the maximum).
 */
export type AmountInputErrorCode =
  | "AMOUNT_EMPTY"
  | "AMOUNT_INVALID"
  | "AMOUNT_TOO_SMALL"
  | "AMOUNT_TOO_LARGE";

/** A typed amount that cannot be charged; `message` is fit to show next to the field. */
export class AmountInputError extends AmsEdgeError<AmountInputErrorCode> {
  constructor(code: AmountInputErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause });
    this.name = "AmountInputError";
  }
}
