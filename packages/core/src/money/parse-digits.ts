import { AmountError } from "./amount-error.ts";

/** A decimal number split at the point, both parts digits only (`fraction` may be ""). */
export interface DecimalParts {
  readonly integer: string;
  readonly fraction: string;
}

function fail(
  code:
    | "AMOUNT_EMPTY"
    | "AMOUNT_WHITESPACE"
    | "AMOUNT_PLUS_SIGN"
    | "AMOUNT_NEGATIVE"
    | "AMOUNT_EXPONENT"
    | "AMOUNT_INVALID",
  text: string,
  hint: string,
): never {
  const messages = {
    AMOUNT_EMPTY: "an amount; got an empty string",
    AMOUNT_WHITESPACE: `an amount without spaces; got ${JSON.stringify(text)}`,
    AMOUNT_PLUS_SIGN: `an amount without a sign; got ${JSON.stringify(text)}`,
    AMOUNT_NEGATIVE: `a non-negative amount; got ${JSON.stringify(text)}`,
    AMOUNT_EXPONENT: `a plain decimal amount; got the exponent form ${JSON.stringify(text)}`,
    AMOUNT_INVALID: `an amount of ASCII digits with at most one "."; got ${JSON.stringify(text)}`,
  };
  throw new AmountError(code, `Expected ${messages[code]}.`, { hint });
}

/**
 * Splits a plain decimal string (`"5.99"`, `"599"`) into digit strings, refusing everything that
 * is not exactly that: empty, spaces, signs, exponents, separators, non-ASCII digits.
 */
export function parseDecimal(text: string): DecimalParts {
  if (typeof text !== "string") throw new TypeError('Expected the amount as a string, e.g. "5.99"');
  if (text.trim() === "") fail("AMOUNT_EMPTY", text, 'Pass the amount as a string, e.g. "5.99".');
  if (/\s/.test(text)) fail("AMOUNT_WHITESPACE", text, "Trim the input before converting it.");
  if (text.startsWith("+")) fail("AMOUNT_PLUS_SIGN", text, "Remove the leading '+'.");
  if (text.startsWith("-") || text.startsWith("\u2212")) {
    fail("AMOUNT_NEGATIVE", text, "Amounts are never negative; a refund is its own request.");
  }
  // One way to match each prefix keeps this linear on long digit strings.
  if (/^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/.test(text)) {
    fail("AMOUNT_EXPONENT", text, 'Write the amount out in full, e.g. "1000" instead of "1e3".');
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) {
    fail(
      "AMOUNT_INVALID",
      text,
      'Use digits and an optional "." with digits on both sides, e.g. "1234.50".',
    );
  }
  return { integer: match[1] ?? "0", fraction: match[2] ?? "" };
}

/** Drops leading zeros, keeping a single "0". */
export function stripLeadingZeros(digits: string): string {
  const stripped = digits.replace(/^0+/, "");
  return stripped === "" ? "0" : stripped;
}

/**
 * Checks a minor-unit value (`"599"`): the rules of {@link parseDecimal}, and no "." at all.
 * Returns it without leading zeros.
 */
export function parseMinorUnits(value: string): string {
  const { integer, fraction } = parseDecimal(value);
  if (fraction !== "") {
    throw new AmountError(
      "AMOUNT_NOT_MINOR_UNITS",
      `Expected minor units (whole digits, e.g. "599"); got the decimal ${JSON.stringify(value)}.`,
      {
        hint: 'Convert decimal amounts with toMinorUnits("5.99", "USD") first.',
      },
    );
  }
  return stripLeadingZeros(integer);
}
