import * as v from "valibot";
import { WorkerError } from "./worker-error.ts";

/** Checks `data` against `schema`; the first issue becomes an INVALID_REQUEST naming the field. */
export function parseInput<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join(".");
  throw new WorkerError(
    "INVALID_REQUEST",
    `${what}${path === undefined || path === "" ? "" : ` at "${path}"`}: ${issue.message}`,
  );
}
