// Constants only, no schema: a bundle that takes them stays free of valibot.
import {
  NOTIFICATION_ERROR_STATUS,
  type NotificationErrorCode,
} from "./notification-error-codes.ts";

const OWN_CODES = [
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "API_KEY_INVALID",
  "STATUS_TOKEN_INVALID",
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
export type WorkerErrorCode = (typeof OWN_CODES)[number] | NotificationErrorCode;

/**
 * Stable codes of the errors the Worker answers with (each has one HTTP status): its own, and
 * those of a notification that fails `verifyNotification`'s checks (`SIGNATURE_INVALID`,
 * `CLIENT_ID_MISMATCH`, ...), answered with core's status for each.
 */
export const WORKER_ERROR_CODES: readonly WorkerErrorCode[] = [
  ...OWN_CODES,
  ...(Object.keys(NOTIFICATION_ERROR_STATUS) as NotificationErrorCode[]).filter(
    (code) => !(OWN_CODES as readonly string[]).includes(code),
  ),
];
