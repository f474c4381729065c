import { isAmsEdgeError } from "@ams-edge/core";
import type { ErrorBody } from "@ams-edge/core/api";
import type { Context } from "hono";
import { isWorkerError, WorkerError } from "./worker-error.ts";

/** Turns any error thrown by a route into the `{ error: { code, message } }` answer. */
export function errorResponse(error: unknown, c: Context): Response {
  let known: WorkerError;
  if (isWorkerError(error)) {
    known = error;
  } else {
    // An unexpected failure: log it (never the request body: it may carry personal data) and
    // answer without internals.
    console.error("unhandled error", isAmsEdgeError(error) ? error.code : "", error);
    known = new WorkerError("INTERNAL", "the Worker failed to handle this request; see its logs");
  }
  const headers: Record<string, string> = { ...known.headers, "cache-control": "no-store" };
  if (known.code === "API_KEY_INVALID" || known.code === "STATUS_TOKEN_INVALID") {
    headers["www-authenticate"] = 'Bearer realm="ams-edge"';
  }
  return c.json<ErrorBody>(known.toBody(), known.status, headers);
}
