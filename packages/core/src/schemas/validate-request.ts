import * as v from "valibot";
import { RequestError } from "./request-error.ts";

/**
 * Validates a request with its schema before it is sent; any issue becomes a `REQUEST_INVALID`
 * {@link RequestError} naming the wire path of the first issue. The builders and the gateway
 * client share it, so a request is refused the same way whoever made it.
 */
export function validateRequest<TSchema extends v.GenericSchema>(
  schema: TSchema,
  request: unknown,
  operation: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, request);
  if (result.success) return result.output;
  const [first] = result.issues;
  const path = v.getDotPath(first) ?? "";
  throw new RequestError(
    "REQUEST_INVALID",
    path,
    `Invalid ${operation} request at ${path === "" ? "the root" : path}: ${first.message}`,
    { issues: result.issues },
  );
}
