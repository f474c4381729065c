/** Posting a notification to the Worker signed with the provider's key, as the provider does. */
import { createSignature, formatSignatureHeader } from "@ams-edge/core";
import type { Stack } from "../e2e/stack.ts";
import type { OddNotificationKind } from "./odd-notifications.ts";

/** A notification the soak signed and posted, and what the Worker answered. */
export interface PostedNotification {
  /** An odd body, or `provider-failure`: the provider's failure notification without an amount. */
  readonly kind: OddNotificationKind | "provider-failure";
  /** Before the payment's result, after it, or as the result itself. */
  readonly when: "before" | "after" | "result";
  /** Where the Worker must keep it: the payment's event log, or only D1's review log. */
  readonly storedIn: "payment" | "review";
  /** The reason it must be kept without being applied, or null when it must be applied. */
  readonly unappliedReason: string | null;
  readonly requestTime: string;
  readonly body: string;
  /** The Worker's HTTP status, or null when the request failed. */
  readonly httpStatus: number | null;
}

/** Signs `body` for `/alipay/notify` with a fresh `request-time` and posts it; never throws. */
export async function postSignedNotification(
  stack: Stack,
  body: string,
  about: Omit<PostedNotification, "requestTime" | "body" | "httpStatus">,
): Promise<PostedNotification> {
  const requestTime = new Date().toISOString().replace("Z", "+00:00");
  let httpStatus: number | null = null;
  try {
    const signature = await createSignature(
      { method: "POST", path: "/alipay/notify", clientId: stack.clientId, requestTime, body },
      stack.alipayPrivateKey,
    );
    const response = await fetch(`${stack.workerUrl}/alipay/notify`, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "client-id": stack.clientId,
        "request-time": requestTime,
        signature: formatSignatureHeader({ signature, keyVersion: 1 }),
      },
      body,
    });
    await response.arrayBuffer();
    httpStatus = response.status;
  } catch {
    // Recorded as unanswered; the check reports it.
  }
  return { ...about, requestTime, body, httpStatus };
}
