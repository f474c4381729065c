import { type WireResult, wireResult } from "./result-codes.ts";

interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

/** A schema that implements Standard Schema v1 (every valibot schema does). */
export interface StandardSchemaLike<T> {
  readonly "~standard": {
    readonly validate: (value: unknown) => StandardResult<T> | Promise<StandardResult<T>>;
  };
}

/** Checked body, or the `PARAM_ILLEGAL` result that names the first offending field. */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly result: WireResult };

function dottedPath(issue: StandardIssue): string {
  const keys = (issue.path ?? []).map((segment) =>
    typeof segment === "object" && segment !== null ? String(segment.key) : String(segment),
  );
  return keys.length === 0 ? "(body)" : keys.join(".");
}

/**
 * Validates a parsed request body against one of core's request schemas and answers like the
 * gateway: `PARAM_ILLEGAL` with the dotted field path and what was expected.
 */
export async function validateBody<T>(
  schema: StandardSchemaLike<T>,
  body: unknown,
): Promise<Validated<T>> {
  const outcome = await schema["~standard"].validate(body);
  if (outcome.issues === undefined) return { ok: true, value: outcome.value };
  const [first] = outcome.issues;
  const detail =
    first === undefined
      ? "Illegal parameters."
      : `Illegal parameter ${dottedPath(first)}: ${first.message}`;
  return { ok: false, result: wireResult("PARAM_ILLEGAL", detail) };
}

/** A `PARAM_ILLEGAL` result for a field the schema accepts but the sandbox's rules do not. */
export function illegal(field: string, expected: string): WireResult {
  return wireResult("PARAM_ILLEGAL", `Illegal parameter ${field}: ${expected}`);
}
