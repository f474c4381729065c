import type { GenericSchema } from "valibot";
import {
  CancelRequestSchema,
  CancelResponseSchema,
  entryCodePayment,
  InquiryPaymentRequestSchema,
  InquiryPaymentResponseSchema,
  InquiryRefundRequestSchema,
  InquiryRefundResponseSchema,
  orderCodePayment,
  PayRequestSchema,
  PayResponseSchema,
  RefundRequestSchema,
  RefundResponseSchema,
} from "../schemas/index.ts";
import { validateRequest } from "../schemas/validate-request.ts";
import type { AmsClient } from "./ams-client.ts";
import type { AmsResult } from "./ams-result.ts";
import type { AmsClientOptions, CallOptions } from "./client-options.ts";
import type { AmsOperation } from "./endpoints.ts";
import { callGateway, checkTimeout, type GatewayContext } from "./gateway-call.ts";
import { resolveGatewayUrl } from "./gateways.ts";
import { resolveRetryPolicy } from "./retry-policy.ts";

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Creates a client for the AMS gateway: requests are signed with the merchant's key, every
 * response is verified with the provider's key before it is parsed, idempotent calls are retried
 * with backoff, and results come back as `S` / `F` / `U`.
 *
 * @example
 * const client = createAmsClient({ clientId, privateKey, alipayPublicKey, gateway: "na" });
 * const result = await client.createOrderCode({ ... });
 * if (result.ok) renderQr(result.data.orderCodeForm?.codeDetails);
 */
export function createAmsClient(options: AmsClientOptions): AmsClient {
  const { clientId, agentToken } = options;
  if (typeof clientId !== "string" || clientId.trim() !== clientId || clientId === "") {
    throw new TypeError("createAmsClient: `clientId` must be a non-empty string, trimmed");
  }
  if (agentToken !== undefined && (typeof agentToken !== "string" || agentToken.length > 128)) {
    throw new TypeError("createAmsClient: `agentToken` must be a string of at most 128 characters");
  }
  if (options.privateKey === undefined || options.alipayPublicKey === undefined) {
    throw new TypeError(
      "createAmsClient: `privateKey` (yours, to sign) and `alipayPublicKey` (the provider's, to verify) are both required",
    );
  }
  // Checks the retry options now rather than on the first payment.
  resolveRetryPolicy(options.retry, undefined);
  const baseUrl = resolveGatewayUrl(options.gateway);
  const ctx: GatewayContext = {
    clientId,
    baseUrl,
    basePath: new URL(baseUrl).pathname.replace(/\/$/, ""),
    keyVersion: options.keyVersion,
    agentToken,
    // Keys are imported on first use and cached by the keys module, never re-parsed per call.
    privateKey: options.privateKey,
    publicKey: options.alipayPublicKey,
    timeoutMs:
      options.timeoutMs === undefined
        ? DEFAULT_TIMEOUT_MS
        : checkTimeout("createAmsClient: timeoutMs", options.timeoutMs),
    retry: options.retry,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    hooks: options.hooks ?? {},
  };

  // Requests are checked before anything is signed or sent, and refused with the RequestError the
  // builders throw. async, so that a refusal rejects the promise instead of throwing.
  const send = async <T>(
    operation: AmsOperation,
    requestSchema: GenericSchema,
    request: unknown,
    responseSchema: GenericSchema<unknown, T>,
    callOptions: CallOptions | undefined,
  ): Promise<AmsResult<T>> =>
    callGateway(
      ctx,
      operation,
      validateRequest(requestSchema, request, operation),
      responseSchema,
      callOptions,
    );

  return {
    pay: (request, callOptions) =>
      send("pay", PayRequestSchema, request, PayResponseSchema, callOptions),
    // The builders return validated requests: no second validation. async, as above.
    createOrderCode: async (params, callOptions) =>
      callGateway(ctx, "pay", orderCodePayment(params), PayResponseSchema, callOptions),
    createEntryCode: async (params, callOptions) =>
      callGateway(ctx, "pay", entryCodePayment(params), PayResponseSchema, callOptions),
    inquiryPayment: (ids, callOptions) =>
      send(
        "inquiryPayment",
        InquiryPaymentRequestSchema,
        ids,
        InquiryPaymentResponseSchema,
        callOptions,
      ),
    cancel: (ids, callOptions) =>
      send("cancel", CancelRequestSchema, ids, CancelResponseSchema, callOptions),
    refund: (request, callOptions) =>
      send("refund", RefundRequestSchema, request, RefundResponseSchema, callOptions),
    inquiryRefund: (ids, callOptions) =>
      send(
        "inquiryRefund",
        InquiryRefundRequestSchema,
        ids,
        InquiryRefundResponseSchema,
        callOptions,
      ),
  };
}
