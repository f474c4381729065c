import { NOTIFICATION_ACK_BODY } from "../schemas/index.ts";

/**
 * The response that acknowledges a notification: HTTP 200, JSON, body exactly
 * `{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}`. Send it only
 * after the notification is durably stored; without it the provider resends.
 *
 * @example
 * const { notification } = await verifyNotification(request, { alipayPublicKey });
 * await store(notification);
 * return acknowledge();
 */
export function acknowledge(): Response {
  return new Response(NOTIFICATION_ACK_BODY, {
    status: 200,
    headers: { "content-type": "application/json; charset=UTF-8" },
  });
}
