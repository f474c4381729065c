import { KeyError } from "../keys/key-error.ts";

/**
 * Rethrows `error`, a `KeyError` naming the option that holds the key (`owner: \`field\`: …`)
 * with the same code and hint, the original as its `cause`; any other error unchanged.
 */
export function nameKeyError(owner: string, field: string): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof KeyError)) throw error;
    throw new KeyError(error.code, `${owner}: \`${field}\`: ${error.message}`, {
      hint: error.hint ?? "",
      cause: error,
    });
  };
}
