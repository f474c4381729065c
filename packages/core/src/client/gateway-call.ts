import ky from "ky";
import type { GenericSchema } from "valibot";
import { importPublicKey, type KeyInput } from "../keys/index.ts";
import { createSignature, formatSignatureHeader } from "../signature/index.ts";
import {
  AmsClientError,
  type AmsClientErrorDetails,
  UNKNOWN_OUTCOME_HINT,
} from "./ams-client-error.ts";
import type { AmsResult } from "./ams-result.ts";
import type { AmsClientHooks, AmsRetryReason, CallOptions } from "./client-options.ts";
import { decideResponse, type ResponseDecision } from "./decide-response.ts";
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
  /** Where requests go, without a trailing slash. */
  baseUrl: string;
  /** The path part of `baseUrl` (empty for a region): signatures cover it. */
  basePath: string;
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
 * Sends one gateway operation. The payload is serialized and encoded once; each attempt is one ky
 * request whose `beforeRequest` hook sets the AMS headers and signs those same bytes with a fresh
 * Request-Time; each response is judged (verified before parsed) by `decideResponse`. The retry
 * loop lives here rather than in ky's retry because what is retried depends on the verified body
 * (`U` codes) and on `Retry-After` for any status, and because ky's retry would buffer a copy of
 * every request and response for it. Each attempt has its own deadline (`timeoutMs`), from sending
 * to a verified body, so that a body that stalls ends the attempt instead of the call hanging.
 */
export async function callGateway<T>(
  ctx: GatewayContext,
  operation: AmsOperation,
  payload: unknown,
  schema: GenericSchema<unknown, T>,
  options: CallOptions = {},
): Promise<AmsResult<T>> {
  const { clientId, agentToken, keyVersion, hooks } = ctx;
  const endpoint = endpointPath(clientId, operation);
  const url = ctx.baseUrl + endpoint;
  // The signature covers the path the gateway receives, including any base path of a custom URL.
  const path = ctx.basePath + endpoint;
  const text = JSON.stringify(payload);
  const body = encoder.encode(text);
  const policy = resolveRetryPolicy(ctx.retry, options.retry);
  const timeout =
    options.timeoutMs === undefined ? ctx.timeoutMs : checkTimeout("timeoutMs", options.timeoutMs);
  const { signal } = options;

  let attempt = 0;
  // What the last response said, for errors.
  let last: Partial<AmsClientErrorDetails> = {};
  const fail = (
    code: AmsClientError["code"],
    message: string,
    extra: Partial<AmsClientErrorDetails>,
  ) => new AmsClientError(code, message, { ...last, ...extra, operation, attempts: attempt });
  const aborted = (cause: unknown, waiting = "") =>
    fail("ABORTED", `The ${operation} call was aborted${waiting}.`, { cause });
  const retryAfter = async (delayMs: number, reason: AmsRetryReason) => {
    await hooks.beforeRetry?.({ operation, url, attempt: attempt + 1, delayMs, reason });
    try {
      await waitBeforeRetry(delayMs, signal);
    } catch (cause) {
      throw aborted(cause, " while waiting to retry");
    }
  };
  // Runs in ky's beforeRequest: every AMS header in one place, and a fresh Request-Time and
  // signature over the same bytes for each attempt.
  const signInto = async (request: Request) => {
    const requestTime = String(Date.now());
    const content = { method: "POST", path, clientId, requestTime, body };
    // The provider's key is imported (and cached) before anything is sent: a key that cannot
    // verify the answer fails here, not after the gateway acted on the request.
    await importPublicKey(ctx.publicKey);
    const signature = await createSignature(content, ctx.privateKey);
    const { headers } = request;
    headers.set("Content-Type", "application/json; charset=UTF-8");
    headers.set("Client-Id", clientId);
    if (agentToken !== undefined) headers.set("Agent-Token", agentToken);
    headers.set("Request-Time", requestTime);
    headers.set(
      "Signature",
      formatSignatureHeader(keyVersion === undefined ? { signature } : { signature, keyVersion }),
    );
    await hooks.beforeRequest?.({ operation, url, attempt, requestTime, body: text });
  };

  for (;;) {
    if (isAborted(signal)) throw aborted(signal?.reason);
    attempt += 1;
    last = {};
    let sentAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One deadline per attempt, from sending to a verified answer: aborting it ends the request and
    // its body stream (no socket is left open), and racing it ends the attempt even when an
    // injected fetch or its body ignores the signal.
    const deadline = new AbortController();
    const attemptSignal = AbortSignal.any(signal ? [signal, deadline.signal] : [deadline.signal]);
    const ended = new Promise<never>((_, reject) => {
      attemptSignal.addEventListener("abort", () => reject(attemptSignal.reason), { once: true });
    });
    ended.catch(() => undefined);
    const within = <R>(work: Promise<R>) => Promise.race([work, ended]);
    let received: Uint8Array | undefined;
    let durationMs = 0;
    let status = 0;
    let decision: ResponseDecision<T>;
    try {
      const response = await within(
        ky.post(url, {
          body,
          timeout: false,
          retry: 0,
          throwHttpErrors: false,
          fetch: ctx.fetch,
          signal: attemptSignal,
          hooks: {
            beforeRequest: [
              async (request) => {
                await signInto(request);
                sentAt = performance.now();
                timer = setTimeout(() => deadline.abort(), timeout);
              },
            ],
          },
        }),
      );
      received = new Uint8Array(await within(response.arrayBuffer()));
      durationMs = performance.now() - (sentAt ?? 0);
      status = response.status;
      const { headers } = response;
      const rawBody = decoder.decode(received);
      last = { httpStatus: status, requestId: requestIdOf(headers), rawBody };
      decision = await within(
        decideResponse({
          operation,
          status,
          headers,
          body: received,
          rawBody,
          path,
          clientId,
          publicKey: ctx.publicKey,
          schema,
          policy,
          retries: attempt - 1,
        }),
      );
    } catch (error) {
      // Before sending, only signing or a hook can fail: those are not transport failures.
      if (sentAt === undefined) throw error;
      if (isAborted(signal)) throw aborted(signal?.reason);
      const timedOut = deadline.signal.aborted;
      // A body that was read in time and failed to verify (say, a key that cannot be imported).
      if (received !== undefined && !timedOut) throw error;
      if (attempt <= policy.limit) {
        await retryAfter(backoffDelay(attempt, policy), timedOut ? "TIMEOUT" : "NETWORK");
        continue;
      }
      const extra = { cause: error, hint: UNKNOWN_OUTCOME_HINT };
      if (timedOut) {
        throw fail(
          "TIMEOUT",
          `No verified answer to ${operation} within ${timeout} ms (${attempt} attempt(s)).`,
          extra,
        );
      }
      throw fail(
        "NETWORK",
        `The ${operation} request to ${url} failed (${attempt} attempt(s)).`,
        extra,
      );
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }

    const { requestId } = last;
    const { resultStatus, resultCode } = decision;
    last.resultCode = resultCode;
    await hooks.afterResponse?.({
      operation,
      url,
      attempt,
      httpStatus: status,
      durationMs,
      requestId,
      resultStatus,
      resultCode,
    });
    if (decision.action === "return") return decision.result;
    if (decision.action === "fail") {
      throw fail(decision.error.code, decision.error.message, decision.error);
    }
    await retryAfter(decision.delayMs, decision.reason);
  }
}
