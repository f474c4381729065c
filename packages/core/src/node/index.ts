/**
 * `@ams-edge/core/node`: notification receivers for `node:http` and Express. Typed against the
 * few members of `IncomingMessage` / `ServerResponse` they use; nothing here is in the Web entry.
 */

export type { NodeRequestLike, NodeResponseLike } from "./node-types.ts";
export {
  type AnswerParts,
  createNotificationHandler,
  type NotificationHandlerOptions,
  notificationErrorAnswer,
  writeAnswer,
} from "./notification-handler.ts";
export { keepRawBody, readNodeBody } from "./read-node-body.ts";
export { verifyNodeNotification } from "./verify-node-notification.ts";
