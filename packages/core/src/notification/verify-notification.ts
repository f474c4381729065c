import type { RequestLike } from "../signature/index.ts";
import { isRequest, pathOf } from "../signature/request-parts.ts";
import { NotificationError } from "./notification-error.ts";
import {
  checkNotificationOptions,
  type VerifiedNotification,
  type VerifyNotificationOptions,
} from "./notification-options.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { verifyNotificationBody } from "./verify-notification-body.ts";

/**
 * Verifies a provider notification and parses it. The body is read once (at most `maxBodyBytes`),
 * the signature is checked over `POST <path>\n<client-id>.<request-time>.<body>` with the header
 * values verbatim, and only then is the body parsed. Throws a {@link NotificationError} whose
 * `code` names the failed check, for a request the provider did not sign (or not for you); a
 * signature that does not verify carries its most plausible cause (`signatureCause`). The
 * options are checked first: a bad key or client id throws `KeyError` / `ConfigError` (a
 * configuration error: answer 500) before the request is looked at.
 *
 * Once the signature verifies, it never throws for the body: the provider sent it, so keep it and
 * acknowledge it. A body it cannot parse comes back with `notification: null` and a
 * `bodyProblem`; store `rawBody` for review. Acknowledge (see `acknowledge`) only after storing.
 *
 * @example
 * try {
 *   const verified = await verifyNotification(request, { alipayPublicKey: env.ALIPAY_PUBLIC_KEY });
 *   await store(verified.rawBody, verified.notification); // null: keep it for review
 *   return acknowledge();
 * } catch (error) {
 *   if (isNotificationError(error)) return new Response(error.code, { status: error.httpStatus });
 *   throw error;
 * }
 */
export async function verifyNotification(
  request: Request | RequestLike,
  options: VerifyNotificationOptions,
): Promise<VerifiedNotification> {
  const maxBytes = await checkNotificationOptions("verifyNotification", options);
  const fromRequest = isRequest(request);
  if (fromRequest && request.bodyUsed) {
    throw new TypeError(
      "verifyNotification: the request body was already read; pass the request untouched",
    );
  }

  const method = request.method.toUpperCase();
  if (method !== "POST") {
    throw new NotificationError("METHOD_NOT_ALLOWED", `Notifications are POSTed; got ${method}.`, {
      hint: "Route only POST to the notification handler.",
    });
  }

  const headers = fromRequest ? request.headers : new Headers(request.headers);
  const requestPath = pathOf(request.url);
  return verifyNotificationBody(
    {
      headers,
      readBody: () =>
        readLimitedBody(request.body, fromRequest ? headers.get("content-length") : null, maxBytes),
      path: options.path ?? requestPath,
      requestPath: options.path === undefined ? undefined : requestPath,
    },
    options,
  );
}
