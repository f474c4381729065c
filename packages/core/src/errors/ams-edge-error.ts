/**
 * Base class of every error thrown by `@ams-edge/core` for a failure of input, signature,
 * transport or protocol. Each subclass narrows `code` to a string-literal union so that callers
 * can branch on it; `hint` says in words what was expected and what to do.
 *
 * Misuse of the API (a missing argument, a wrong type) throws a plain `TypeError` instead.
 */
export class AmsEdgeError<Code extends string = string> extends Error {
  /** A stable, machine-readable identifier of the failure, e.g. `"KEY_NOT_PRIVATE"`. */
  readonly code: Code;
  /** What was expected, what was seen, and what to do about it. */
  readonly hint: string | undefined;

  constructor(code: Code, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AmsEdgeError";
    this.code = code;
    this.hint = options?.hint;
  }
}

/**
 * True when `value` is an {@link AmsEdgeError} (or subclass), also across realms (an error made by
 * another copy of this library, or in another isolate), where `instanceof` fails.
 */
export function isAmsEdgeError(value: unknown): value is AmsEdgeError {
  if (value instanceof AmsEdgeError) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === "string" &&
    "hint" in value
  );
}
