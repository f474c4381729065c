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
  const { body, ...init } = acknowledgeParts();
  return new Response(body, init);
}

/** The acknowledgement as plain parts, for a handler that writes its own response. */
export interface AcknowledgeParts {
  status: 200;
  headers: { "content-type": string };
  body: string;
}

/**
 * The acknowledgement as `{ status, headers, body }`, for Node's `ServerResponse`, Express or any
 * handler without fetch `Response`s; the same status, header and exact body as `acknowledge()`.
 *
 * @example
 * const ack = acknowledgeParts();
 * res.writeHead(ack.status, ack.headers).end(ack.body);
 */
export function acknowledgeParts(): AcknowledgeParts {
  return {
    status: 200,
    headers: { "content-type": "application/json; charset=UTF-8" },
    body: NOTIFICATION_ACK_BODY,
  };
}
