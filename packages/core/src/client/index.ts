export type { AmsClient, EntryCodeParams, OrderCodeParams } from "./ams-client.ts";
export {
  AmsClientError,
  type AmsClientErrorCode,
  type AmsClientErrorDetails,
  isAmsClientError,
} from "./ams-client-error.ts";
export type { AmsResult, AmsResultBase, ResultStatus } from "./ams-result.ts";
export type {
  AmsClientHooks,
  AmsClientOptions,
  AmsRequestEvent,
  AmsResponseEvent,
  AmsRetryEvent,
  AmsRetryReason,
  CallOptions,
} from "./client-options.ts";
export { createAmsClient } from "./create-ams-client.ts";
export {
  AMS_ENDPOINTS,
  type AmsOperation,
  endpointPath,
  SANDBOX_CLIENT_ID_PREFIX,
} from "./endpoints.ts";
export { AMS_GATEWAYS, type AmsGatewayRegion, resolveGatewayUrl } from "./gateways.ts";
export {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  RETRYABLE_RESULT_CODES,
  type RetryOptions,
  type RetryPolicy,
} from "./retry-policy.ts";
