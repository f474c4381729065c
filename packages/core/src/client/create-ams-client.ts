import type { GenericSchema } from "valibot";
import { getDotPath, safeParse } from "valibot";
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
  RequestError,
} from "../schemas/index.ts";
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
  if (typeof clientId !== "string" || clientId.trim() === "") {
    throw new TypeError("createAmsClient: `clientId` must be a non-empty string");
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
  const ctx: GatewayContext = {
    clientId,
    baseUrl: resolveGatewayUrl(options.gateway),
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

  // Requests are checked before anything is signed or sent; a request the provider would refuse
  // throws the same RequestError the builders throw.
  const send = async <T>(
    operation: AmsOperation,
    requestSchema: GenericSchema,
    request: unknown,
    responseSchema: GenericSchema<unknown, T>,
    callOptions: CallOptions | undefined,
  ): Promise<AmsResult<T>> => {
    const parsed = safeParse(requestSchema, request);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = getDotPath(issue) ?? "";
      throw new RequestError(
        "REQUEST_INVALID",
        path,
        `The ${operation} request is invalid${path === "" ? "" : ` at ${path}`}: ${issue.message}. Nothing was sent.`,
        { issues: parsed.issues },
      );
    }
    return callGateway(ctx, operation, parsed.output, responseSchema, callOptions);
  };

  return {
    pay: (request, callOptions) =>
      send("pay", PayRequestSchema, request, PayResponseSchema, callOptions),
    // async so that a builder's RequestError rejects the promise instead of throwing.
    createOrderCode: async (params, callOptions) =>
      send("pay", PayRequestSchema, orderCodePayment(params), PayResponseSchema, callOptions),
    createEntryCode: async (params, callOptions) =>
      send("pay", PayRequestSchema, entryCodePayment(params), PayResponseSchema, callOptions),
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
