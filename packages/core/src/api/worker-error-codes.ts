// Constants only, no schema: a bundle that takes them stays free of valibot.

/** Stable codes of the errors the Worker answers with (each has one HTTP status). */
export const WORKER_ERROR_CODES = [
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "API_KEY_INVALID",
  "STATUS_TOKEN_INVALID",
  "NOTIFICATION_SIGNATURE_INVALID",
  "NOTIFICATION_CLIENT_MISMATCH",
  "BODY_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "INVALID_JSON",
  "INVALID_REQUEST",
  "INVALID_CURSOR",
  "UNKNOWN_STORE",
  "ENTRY_CODE_DISABLED",
  "PAYMENT_NOT_FOUND",
  "AMOUNT_OUT_OF_RANGE",
  "CURRENCY_NOT_ACCEPTED",
  "REFUND_AMOUNT_EXCEEDED",
  "IDEMPOTENCY_KEY_REUSED",
  "PAYMENT_NOT_CANCELLABLE",
  "PAYMENT_NOT_REFUNDABLE",
  "RATE_LIMITED",
  "GATEWAY_UNAVAILABLE",
  "STORAGE_FAILURE",
  "CONFIG_INVALID",
  "INTERNAL",
] as const;

/** A code the Worker puts in `{ "error": { "code" } }`. */
export type WorkerErrorCode = (typeof WORKER_ERROR_CODES)[number];
