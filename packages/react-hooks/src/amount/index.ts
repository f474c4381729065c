export { AmountInputError, type AmountInputErrorCode } from "./amount-input-error.ts";
export { type AmountLimits, type ParsedAmount, parseAmountInput } from "./parse-amount-input.ts";
export { type AmountKey, pressAmountKey } from "./press-amount-key.ts";
