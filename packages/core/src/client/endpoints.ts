/** Paths of the AMS in-store operations on the live gateway (PROTOCOL §5). */
export const AMS_ENDPOINTS = {
  pay: "/ams/api/v1/payments/pay",
  inquiryPayment: "/ams/api/v1/payments/inquiryPayment",
  cancel: "/ams/api/v1/payments/cancel",
  refund: "/ams/api/v1/payments/refund",
  inquiryRefund: "/ams/api/v1/payments/inquiryRefund",
} as const;

/** Name of a gateway operation. */
export type AmsOperation = keyof typeof AMS_ENDPOINTS;

/** Client ids of the provider's sandbox start with this prefix and use `/ams/sandbox/api/...`. */
export const SANDBOX_CLIENT_ID_PREFIX = "SANDBOX_";

/**
 * The path an operation is sent to (and signed with) for a client id: a client id starting with
 * `SANDBOX_` uses `/ams/sandbox/api/...` instead of `/ams/api/...`.
 *
 * @example
 * endpointPath("SANDBOX_5Y3A2N2YEB", "pay"); // "/ams/sandbox/api/v1/payments/pay"
 */
export function endpointPath(clientId: string, operation: AmsOperation): string {
  const path = AMS_ENDPOINTS[operation];
  return clientId.startsWith(SANDBOX_CLIENT_ID_PREFIX)
    ? path.replace("/ams/api/", "/ams/sandbox/api/")
    : path;
}
