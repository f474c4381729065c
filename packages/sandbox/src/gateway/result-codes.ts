/** `S` done, `F` failed for good, `U` unknown (retry or inquire). */
export type ResultStatus = "S" | "F" | "U";

/** The `result` object every gateway answer carries. */
export interface WireResult {
  readonly resultCode: string;
  readonly resultStatus: ResultStatus;
  readonly resultMessage: string;
}

const KNOWN: Record<string, readonly [ResultStatus, string]> = {
  SUCCESS: ["S", "success"],
  PAYMENT_IN_PROCESS: ["U", "The payment is being processed."],
  UNKNOWN_EXCEPTION: [
    "U",
    "An unknown error occurred; retry with the same request id, or inquire.",
  ],
  REQUEST_TRAFFIC_EXCEED_LIMIT: ["U", "Too many requests; back off and retry."],
  PARAM_ILLEGAL: ["F", "Illegal parameters."],
  ACCESS_DENIED: ["F", "Access is denied."],
  INVALID_CLIENT: ["F", "The client is invalid."],
  INVALID_SIGNATURE: ["F", "The signature is invalid."],
  KEY_NOT_FOUND: ["F", "The key is not found."],
  MEDIA_TYPE_NOT_ACCEPTABLE: ["F", "The media type is not acceptable; send application/json."],
  METHOD_NOT_SUPPORTED: ["F", "The HTTP method is not supported; use POST."],
  NO_INTERFACE_DEF: ["F", "No API is defined at this path."],
  REPEAT_REQ_INCONSISTENT: ["F", "The request id was used before with different key fields."],
  ORDER_NOT_EXIST: ["F", "The order does not exist."],
  ORDER_IS_CLOSED: ["F", "The order is closed."],
  ORDER_STATUS_INVALID: ["F", "The order status does not allow this operation."],
  USER_BALANCE_NOT_ENOUGH: ["F", "user balance not enough"],
  RISK_REJECT: ["F", "The payment was rejected for risk reasons."],
  PROCESS_FAIL: ["F", "A general business failure occurred."],
  CURRENCY_NOT_SUPPORT: ["F", "The currency is not supported."],
  CANCEL_WINDOW_EXCEED: ["F", "The payment is past its cancel window."],
  REFUND_AMOUNT_EXCEED: ["F", "The total refunded amount would exceed the paid amount."],
  REFUND_WINDOW_EXCEED: ["F", "The payment is past its refund window."],
};

/**
 * The `result` object for a code, with the provider's status for it and a message (`detail`
 * replaces the default message). Unknown codes are failures.
 *
 * @example
 * wireResult("PARAM_ILLEGAL", "Illegal parameter paymentAmount.value: expected digits");
 */
export function wireResult(code: string, detail?: string): WireResult {
  const [status, message] = KNOWN[code] ?? ["F", code.toLowerCase().replaceAll("_", " ")];
  return { resultCode: code, resultStatus: status, resultMessage: detail ?? message };
}
