import ky, { isNetworkError, isTimeoutError } from "ky";
import type { GenericSchema } from "valibot";
import type { KeyInput } from "../keys/index.ts";
import { createSignature, formatSignatureHeader } from "../signature/index.ts";
import {
  AmsClientError,
  type AmsClientErrorDetails,
  UNKNOWN_OUTCOME_HINT,
} from "./ams-client-error.ts";
import type { AmsResult } from "./ams-result.ts";
import type { AmsClientHooks, AmsRetryReason, CallOptions } from "./client-options.ts";
import { decideResponse } from "./decide-response.ts";
import { type AmsOperation, endpointPath } from "./endpoints.ts";
import {
  backoffDelay,
  type RetryOptions,
  resolveRetryPolicy,
  waitBeforeRetry,
} from "./retry-policy.ts";

/** Everything a client holds for its lifetime. */
export interface GatewayContext {
  clientId: string;
  baseUrl: string;
  keyVersion: string | number | undefined;
  agentToken: string | undefined;
  privateKey: KeyInput;
  publicKey: KeyInput;
  timeoutMs: number;
  retry: RetryOptions | false | undefined;
  fetch: typeof fetch;
  hooks: AmsClientHooks;
}

// Response headers that may carry the gateway's id of the exchange, most specific first.
const REQUEST_ID_HEADERS = ["request-id", "x-request-id", "trace-id", "x-trace-id"];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

// A function, so that the check is not narrowed away across the awaits that can change it.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Checks a timeout option: a positive whole number of milliseconds. */
export function checkTimeout(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > 2_147_483_647) {
    throw new TypeError(`${name}: expected a positive whole number of milliseconds, got ${value}`);
  }
  return value;
}

/**
 * Sends one gateway operation. The payload is serialized once; each attempt is one ky request
 * whose `beforeRequest` hook signs those same bytes with a fresh Request-Time; each response is
 * judged (verified before parsed) by `decideResponse`. The retry loop lives here rather than in
 * ky's retry because what is retried depends on the verified body (`U` codes) and on
 * `Retry-After` for any status, and because ky's retry would buffer a copy of every request and
 * response for it.
 */
export async function callGateway<T>(
  ctx: GatewayContext,
  operation: AmsOperation,
  payload: unknown,
  schema: GenericSchema<unknown, T>,
  options: CallOptions = {},
): Promise<AmsResult<T>> {
  const url = `${ctx.baseUrl}${endpointPath(ctx.clientId, operation)}`;
  // The signature covers the path the gateway receives, including any base path of a custom URL.
  const path = new URL(url).pathname;
  const text = JSON.stringify(payload);
  const bytes = encoder.encode(text);
  const policy = resolveRetryPolicy(ctx.retry, options.retry);
  const timeout =
    options.timeoutMs === undefined ? ctx.timeoutMs : checkTimeout("timeoutMs", options.timeoutMs);
  const { hooks } = ctx;
  const { signal } = options;
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=UTF-8",
    "Client-Id": ctx.clientId,
  };
  if (ctx.agentToken !== undefined) headers["Agent-Token"] = ctx.agentToken;

  let attempt = 0;
  // What the last response said, for errors; its body is decoded only if an error needs it.
  let last: Partial<AmsClientErrorDetails> = {};
  let lastBody: Uint8Array | undefined;
  const fail = (
    code: AmsClientError["code"],
    message: string,
    extra: Partial<AmsClientErrorDetails>,
  ) =>
    new AmsClientError(code, message, {
      ...last,
      rawBody: lastBody === undefined ? undefined : decoder.decode(lastBody),
      ...extra,
      operation,
      attempts: attempt,
    });
  const retryAfter = async (delayMs: number, reason: AmsRetryReason) => {
    await hooks.beforeRetry?.({ operation, url, attempt: attempt + 1, delayMs, reason });
    try {
      await waitBeforeRetry(delayMs, signal);
    } catch (cause) {
      throw fail("ABORTED", `The ${operation} call was aborted while waiting to retry.`, { cause });
    }
  };
  // Runs in ky's beforeRequest: the same bytes, a fresh Request-Time and signature per attempt.
  const signInto = async (request: Request) => {
    const requestTime = String(Date.now());
    const content = { method: "POST", path, clientId: ctx.clientId, requestTime, body: bytes };
    const signature = await createSignature(content, ctx.privateKey);
    const { keyVersion } = ctx;
    request.headers.set("Request-Time", requestTime);
    request.headers.set(
      "Signature",
      formatSignatureHeader(keyVersion === undefined ? { signature } : { signature, keyVersion }),
    );
    await hooks.beforeRequest?.({ operation, url, attempt, requestTime, body: text });
  };

  for (;;) {
    if (isAborted(signal)) {
      throw fail("ABORTED", `The ${operation} call was aborted.`, { cause: signal?.reason });
    }
    attempt += 1;
    last = {};
    lastBody = undefined;
    let sentAt: number | undefined;
    let received: Response;
    let body: Uint8Array;
    try {
      received = await ky.post(url, {
        body: bytes,
        headers,
        timeout,
        retry: 0,
        throwHttpErrors: false,
        fetch: ctx.fetch,
        ...(signal === undefined ? {} : { signal }),
        hooks: {
          beforeRequest: [
            async ({ request }) => {
              await signInto(request);
              sentAt = performance.now();
            },
          ],
        },
      });
      body = new Uint8Array(await received.arrayBuffer());
    } catch (error) {
      // Before sending, only signing or a hook can fail: those are not transport failures.
      if (sentAt === undefined) throw error;
      if (isAborted(signal)) {
        throw fail("ABORTED", `The ${operation} call was aborted.`, { cause: signal?.reason });
      }
      const timedOut = isTimeoutError(error);
      if (attempt <= policy.limit) {
        await retryAfter(backoffDelay(attempt, policy), timedOut ? "TIMEOUT" : "NETWORK");
        continue;
      }
      if (timedOut) {
        const message = `No response to ${operation} within ${timeout} ms (${attempt} attempt(s)).`;
        throw fail("TIMEOUT", message, { cause: error, hint: UNKNOWN_OUTCOME_HINT });
      }
      const message = `The ${operation} request to ${url} failed (${attempt} attempt(s)).`;
      const cause = isNetworkError(error) ? error.cause : error;
      throw fail("NETWORK", message, { cause, hint: UNKNOWN_OUTCOME_HINT });
    }

    const durationMs = performance.now() - (sentAt ?? 0);
    const requestId = requestIdOf(received.headers);
    last = { httpStatus: received.status, requestId };
    lastBody = body;
    const decision = await decideResponse({
      operation,
      status: received.status,
      headers: received.headers,
      body,
      path,
      clientId: ctx.clientId,
      publicKey: ctx.publicKey,
      schema,
      policy,
      retries: attempt - 1,
    });
    last.resultCode = decision.resultCode;
    await hooks.afterResponse?.({
      operation,
      url,
      attempt,
      httpStatus: received.status,
      durationMs,
      requestId,
      resultStatus: decision.resultStatus,
      resultCode: decision.resultCode,
    });
    if (decision.action === "return") return decision.result;
    if (decision.action === "fail") {
      throw fail(decision.code, decision.message, { hint: decision.hint, cause: decision.cause });
    }
    await retryAfter(decision.delayMs, decision.reason);
  }
}
