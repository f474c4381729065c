import {
  acknowledge,
  isNotificationError,
  type NotificationMeaning,
  notificationMeaning,
  verifyNotification,
} from "@ams-edge/core";
import { Hono } from "hono/tiny";
import type { AppEnv } from "../http/app-env.ts";
import { WorkerError } from "../http/worker-error.ts";
import { isPaymentRequestId } from "../payments/payment-request-id.ts";
import { paymentObject } from "../payments/payment-stub.ts";
import { logOtherNotification } from "./other-notification-log.ts";

/** Largest notification body accepted (the provider's are a few hundred bytes). */
export const NOTIFY_MAX_BYTES = 64 * 1024;

/**
 * `POST /alipay/notify`: the provider's notifications. Verified over the raw body, then kept and
 * acknowledged whatever the body holds: stored in the payment's object (which applies what it
 * understands and records why it applied the rest to nothing), or in the Worker's log of other
 * notifications. Answers: 401 for a bad signature or another client id, 413 for a body that is
 * too big (nothing changes); 503 when storing fails (the provider resends).
 */
export const notifyRoute = new Hono<AppEnv>();

notifyRoute.post("/alipay/notify", async (c) => {
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
    // Core's code, answered with core's status for it (see workerErrorStatus).
    throw new WorkerError(error.code, error.message, { cause: error });
  }
  try {
    const meaning = notificationMeaning(verified, Date.now());
    await store(c.env, meaning, verified.rawBody, verified.requestTime);
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

/** The payment a notification is for: named by it, or, for a refund, by the refund's id. */
function paymentOf(meaning: NotificationMeaning): string | null {
  if (meaning.kind !== "refund") return meaning.paymentRequestId;
  // Our refund ids start with their payment's id (see the refunds route).
  return /^([A-Za-z0-9-]{1,64})_/.exec(meaning.notice.refundRequestId)?.[1] ?? null;
}

/**
 * Hands the notification to the payment it names, whose object stores the raw body and applies
 * the meaning in one call (or records why it applies nothing); what no payment takes is kept in
 * D1's review log verbatim, with the reason.
 */
async function store(
  env: Env,
  meaning: NotificationMeaning,
  rawBody: string,
  requestTime: string,
): Promise<void> {
  const paymentRequestId = paymentOf(meaning);
  if (paymentRequestId !== null && isPaymentRequestId(paymentRequestId)) {
    const { known } = await paymentObject(env, paymentRequestId).receiveNotification({
      meaning,
      rawBody,
      requestTime,
    });
    if (known) return;
  }
  await logOtherNotification(env.DB, {
    notifyType:
      meaning.kind === "other"
        ? meaning.notifyType
        : meaning.kind === "payment"
          ? "PAYMENT_RESULT"
          : "REFUND_RESULT",
    paymentRequestId: meaning.kind === "refund" ? null : meaning.paymentRequestId,
    requestTime,
    rawBody,
    reason: meaning.kind === "other" ? meaning.reason : "PAYMENT_UNKNOWN",
  });
}
