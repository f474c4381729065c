import * as v from "valibot";
import type { KnownFields } from "./known-fields.ts";
import { WORKER_ERROR_CODES } from "./worker-error-codes.ts";

/** The JSON body of every error answer of the Worker: `{ error: { code, message } }`. */
export const ErrorBodySchema = v.looseObject({
  /** What went wrong. */
  error: v.looseObject({
    /** Stable, for programs. */
    code: v.picklist(WORKER_ERROR_CODES),
    /** For people: what was expected and what to do; never a secret. */
    message: v.string(),
  }),
});

/** The JSON body of every error answer of the Worker. */
export type ErrorBody = KnownFields<v.InferOutput<typeof ErrorBodySchema>>;
