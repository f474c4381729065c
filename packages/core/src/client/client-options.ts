import type { KeyInput } from "../keys/index.ts";
import type { ResultStatus } from "./ams-result.ts";
import type { AmsOperation } from "./endpoints.ts";
import type { AmsGatewayRegion } from "./gateways.ts";
import type { RetryOptions } from "./retry-policy.ts";

/** Passed to `hooks.beforeRequest` once the request is signed, just before it is sent. */
export interface AmsRequestEvent {
  operation: AmsOperation;
  url: string;
  /** 1 for the first request, 2 for the first retry, ... */
  attempt: number;
  /** The `Request-Time` header sent (epoch milliseconds). */
  requestTime: string;
  /** The exact body sent. */
  body: string;
}

/** Passed to `hooks.afterResponse` for every response received, after its signature check. */
export interface AmsResponseEvent {
  operation: AmsOperation;
  url: string;
  attempt: number;
  httpStatus: number;
  /** From sending the request to having read the whole response body. */
  durationMs: number;
  /** The gateway's request or trace id, if it sent one. */
  requestId: string | undefined;
  /** Set when the response verified and carried a readable `result`. */
  resultStatus: ResultStatus | undefined;
  resultCode: string | undefined;
}

/** Why a request is sent again. */
export type AmsRetryReason = "TIMEOUT" | "NETWORK" | "HTTP_STATUS" | "RESULT_CODE";

/** Passed to `hooks.beforeRetry` after the backoff, just before the request is signed again. */
export interface AmsRetryEvent {
  operation: AmsOperation;
  url: string;
  /** The attempt about to be sent (2 for the first retry). */
  attempt: number;
  /** How long the client waited before this retry. */
  delayMs: number;
  reason: AmsRetryReason;
}

/**
 * Observers for logging and metrics. They see no key material and no `Agent-Token`. A hook that
 * throws fails the call with its error.
 */
export interface AmsClientHooks {
  beforeRequest?: (event: AmsRequestEvent) => void | Promise<void>;
  afterResponse?: (event: AmsResponseEvent) => void | Promise<void>;
  beforeRetry?: (event: AmsRetryEvent) => void | Promise<void>;
}

/** Options of {@link createAmsClient}. */
export interface AmsClientOptions {
  /** The merchant's client id; one starting with `SANDBOX_` uses the provider's sandbox paths. */
  clientId: string;
  /** The merchant's private key (PEM or bare base64 PKCS#8/PKCS#1, JWK, or a `CryptoKey`). */
  privateKey: KeyInput;
  /** The provider's public key (SPKI), used to verify every response. Not the merchant's own. */
  alipayPublicKey: KeyInput;
  /** A region name (`"na"`, `"sea"`, `"eu"`, or one with `-accelerated`) or a base URL. */
  gateway: AmsGatewayRegion | (string & {});
  /** The `keyVersion` sent in the `Signature` header. Default 1. */
  keyVersion?: string | number | undefined;
  /** Sent as the `Agent-Token` header (ISVs only; at most 128 characters). */
  agentToken?: string | undefined;
  /**
   * Deadline of each request (each retry gets a new one), from sending it to having read and
   * verified the whole response body: a gateway that stops sending mid-body is a `TIMEOUT`, not a
   * hang, and the request is aborted. Default 15000 ms. For a deadline over all retries, pass a
   * `signal` such as `AbortSignal.timeout(ms)`.
   */
  timeoutMs?: number | undefined;
  /** Retry policy of every call, or `false` to never retry. */
  retry?: RetryOptions | false | undefined;
  /** The `fetch` to send requests with (a test stub, a service binding, ...). */
  fetch?: typeof fetch | undefined;
  /** Observers for logging and metrics. */
  hooks?: AmsClientHooks | undefined;
}

/** Per-call options; they override the client's. */
export interface CallOptions {
  /** Deadline of each request of this call, up to its verified response body (see the client's). */
  timeoutMs?: number | undefined;
  /** Aborts the call at once, including a response body being read and any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Retry policy of this call, or `false` to send only once. */
  retry?: RetryOptions | false | undefined;
}
