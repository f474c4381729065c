// Constants only, with no imports: shared by core's `NotificationError` and the Worker's error
// codes of the API contract, so a notification's failure has one code and one status everywhere.

/**
 * The HTTP status a receiver answers for each check of `verifyNotification` that fails, in the
 * order the checks run: a request the provider did not sign (or not for you) is 401 (the provider
 * resends; nothing was changed), another method 405, a body over the limit 413; never a 5xx. A
 * body that fails to parse after the signature verified is not an error: it is kept and
 * acknowledged.
 */
export const NOTIFICATION_ERROR_STATUS = {
  METHOD_NOT_ALLOWED: 405,
  MISSING_HEADER: 401,
  CLIENT_ID_MISMATCH: 401,
  SIGNATURE_MALFORMED: 401,
  ALGORITHM_UNSUPPORTED: 401,
  BODY_TOO_LARGE: 413,
  SIGNATURE_INVALID: 401,
} as const;

/** Stable codes of `NotificationError`, one per check of `verifyNotification`. */
export type NotificationErrorCode = keyof typeof NOTIFICATION_ERROR_STATUS;
