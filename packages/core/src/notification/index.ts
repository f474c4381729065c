export { NOTIFICATION_ERROR_STATUS } from "../api/notification-error-codes.ts";
export { acknowledge } from "./acknowledge.ts";
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
  type SignTestNotificationForPath,
  type SignTestNotificationForUrl,
  signTestNotification,
} from "./sign-test-notification.ts";
export {
  DEFAULT_NOTIFICATION_MAX_BYTES,
  type NotificationBodyProblem,
  type VerifiedNotification,
  type VerifyNotificationOptions,
  verifyNotification,
} from "./verify-notification.ts";
