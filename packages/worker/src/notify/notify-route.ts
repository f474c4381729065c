import {
  acknowledge,
  isNotificationError,
  type NotificationOutput,
  PaymentResultNotificationSchema,
  RefundResultNotificationSchema,
  verifyNotification,
} from "@ams-edge/core";
import { Hono } from "hono/tiny";
import * as v from "valibot";
import type { AppEnv } from "../http/app-env.ts";
import { requireJsonContentType } from "../http/read-body.ts";
import { WorkerError } from "../http/worker-error.ts";
import { isPaymentRequestId } from "../payments/payment-request-id.ts";
import { paymentObject } from "../payments/payment-stub.ts";
import { logOtherNotification } from "./other-notification-log.ts";

/** Largest notification body accepted (the provider's are a few hundred bytes). */
export const NOTIFY_MAX_BYTES = 64 * 1024;

/**
 * `POST /alipay/notify`: the provider's notifications. Verified over the raw body, stored (in the
 * payment's object, or in the Worker's log for any other kind), and acknowledged only then.
 * Answers: 401 for a bad signature (nothing changes), 413 / 415 / 400 for a body that is too
 * big, not JSON, or malformed, 503 when storing fails (the provider resends).
 */
export const notifyRoute = new Hono<AppEnv>();

notifyRoute.post("/alipay/notify", async (c) => {
  requireJsonContentType(c.req.raw);
  let verified: Awaited<ReturnType<typeof verifyNotification>>;
  try {
    verified = await verifyNotification(c.req.raw, {
      alipayPublicKey: c.var.config.alipayPublicKey,
      path: "/alipay/notify",
      maxBodyBytes: NOTIFY_MAX_BYTES,
      clientId: c.var.config.clientId,
    });
  } catch (error) {
    if (!isNotificationError(error)) throw error;
    throw notificationFailure(error.code, error.message);
  }
  try {
    await store(c.env, verified.notification, verified.rawBody, verified.requestTime);
  } catch (cause) {
    console.error("notification not stored; the provider will resend it", cause);
    throw new WorkerError(
      "STORAGE_FAILURE",
      "the notification could not be stored; send it again later",
      {
        cause,
      },
    );
  }
  return acknowledge();
});

function notificationFailure(code: string, message: string): WorkerError {
  switch (code) {
    case "BODY_TOO_LARGE":
      return new WorkerError("BODY_TOO_LARGE", message);
    case "BODY_NOT_JSON":
      return new WorkerError("INVALID_JSON", message);
    case "BODY_INVALID":
      return new WorkerError("INVALID_REQUEST", message);
    case "METHOD_NOT_ALLOWED":
      return new WorkerError("METHOD_NOT_ALLOWED", message);
    case "CLIENT_ID_MISMATCH":
      return new WorkerError("NOTIFICATION_CLIENT_MISMATCH", message);
    default:
      return new WorkerError("NOTIFICATION_SIGNATURE_INVALID", message);
  }
}

// What a result notification carries to its payment object: its string fields, and those of
// `result` and the amounts, which is all the object reads. The raw body it stores keeps the rest;
// leaving the rest out of the call means no nesting a sender chooses can overflow the call's
// serializer (a deep unknown field used to fail the delivery with STORAGE_FAILURE).
const CARRIED_OBJECTS = new Set(["result", "paymentAmount", "actualPaymentAmount", "refundAmount"]);

function carried(value: object, nested = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string") out[key] = item;
    else if (nested && CARRIED_OBJECTS.has(key) && typeof item === "object" && item !== null) {
      out[key] = carried(item, false);
    }
  }
  return out;
}

async function store(
  env: Env,
  notification: NotificationOutput,
  rawBody: string,
  requestTime: string,
): Promise<void> {
  // The "other" member types notifyType as any string, so narrowing by it alone proves nothing.
  if (
    v.is(PaymentResultNotificationSchema, notification) &&
    isPaymentRequestId(notification.paymentRequestId)
  ) {
    const stub = paymentObject(env, notification.paymentRequestId);
    const { known } = await stub.receiveNotification({
      requestTime,
      rawBody,
      notification: v.parse(PaymentResultNotificationSchema, carried(notification)),
    });
    if (known) return;
  } else if (v.is(RefundResultNotificationSchema, notification)) {
    // Our refund ids start with their payment's id (see the refunds route).
    const paymentRequestId = /^([A-Za-z0-9-]{1,64})_/.exec(notification.refundRequestId ?? "")?.[1];
    if (paymentRequestId !== undefined) {
      const { known } = await paymentObject(env, paymentRequestId).receiveNotification({
        requestTime,
        rawBody,
        notification: v.parse(RefundResultNotificationSchema, carried(notification)),
      });
      if (known) return;
    }
  }
  const paymentRequestId: unknown = notification.paymentRequestId;
  await logOtherNotification(env.DB, {
    notifyType: notification.notifyType,
    paymentRequestId: typeof paymentRequestId === "string" ? paymentRequestId : null,
    requestTime,
    rawBody,
  });
}
