import { NotificationError } from "../notification/notification-error.ts";
import type {
  VerifiedNotification,
  VerifyNotificationOptions,
} from "../notification/notification-options.ts";
import { verifyRawNotification } from "../notification/verify-raw-notification.ts";
import type { NodeRequestLike } from "./node-types.ts";
import { readNodeBody } from "./read-node-body.ts";

/**
 * `verifyNotification` for a `node:http` `IncomingMessage` or an Express `req`: reads the raw
 * body (see `readNodeBody`), takes the path from `options.path` or else the request's URL
 * (`originalUrl` under an Express router), and returns the same verified result.
 */
export async function verifyNodeNotification(
  req: NodeRequestLike,
  options: VerifyNotificationOptions,
): Promise<VerifiedNotification> {
  const method = (req.method ?? "").toUpperCase();
  if (method !== "POST") {
    throw new NotificationError("METHOD_NOT_ALLOWED", `Notifications are POSTed; got ${method}.`, {
      hint: "Route only POST to the notification handler.",
    });
  }
  const path = options.path ?? req.originalUrl ?? req.url ?? "/";
  const body = await readNodeBody(req, options.maxBodyBytes);
  return verifyRawNotification(body, req.headers, { ...options, path });
}
