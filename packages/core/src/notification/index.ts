export { NOTIFICATION_ERROR_STATUS } from "../api/notification-error-codes.ts";
export { type AcknowledgeParts, acknowledge, acknowledgeParts } from "./acknowledge.ts";
export {
  isNotificationError,
  NotificationError,
  type NotificationErrorCode,
} from "./notification-error.ts";
export {
  type NotificationMeaning,
  notificationMeaning,
  type RefundNotice,
  type UnappliedReason,
} from "./notification-event.ts";
export {
  DEFAULT_NOTIFICATION_MAX_BYTES,
  type NotificationBodyProblem,
  type VerifiedNotification,
  type VerifyNotificationOptions,
} from "./notification-options.ts";
export {
  type SignTestNotificationForPath,
  type SignTestNotificationForUrl,
  signTestNotification,
} from "./sign-test-notification.ts";
export { verifyNotification } from "./verify-notification.ts";
export {
  type HeadersLike,
  type VerifyRawNotificationOptions,
  verifyRawNotification,
} from "./verify-raw-notification.ts";
