import type { MessageSigner } from "../signing/sign-message.ts";
import { isAcknowledgement } from "./is-acknowledgement.ts";
import type { AttemptOutcome } from "./notification-record.ts";

/** What one POST of a notification needs. */
export interface PostDeps {
  readonly now: () => number;
  readonly signer: MessageSigner;
  readonly fetch: typeof fetch;
  readonly requestTime: (ms: number) => string;
  readonly deliveryTimeoutMs: number;
  readonly closed: AbortSignal;
}

/** What happened to one POST. */
export interface PostResult {
  readonly sentAt: number;
  readonly requestTime: string;
  readonly outcome: AttemptOutcome;
  readonly httpStatus: number | null;
  readonly responseBody: string | null;
  readonly error: string | null;
}

/**
 * POSTs a notification once, signed afresh (a new `request-time` each attempt, as the provider
 * does) or with a corrupt signature, and reads the merchant's answer.
 */
export async function postNotification(
  deps: PostDeps,
  notification: { readonly notifyUrl: string; readonly clientId: string; readonly body: string },
  corrupt: boolean,
): Promise<PostResult> {
  const url = new URL(notification.notifyUrl);
  const sentAt = deps.now();
  const requestTime = deps.requestTime(sentAt);
  const message = {
    path: url.pathname + url.search,
    clientId: notification.clientId,
    time: requestTime,
    body: notification.body,
  };
  const signature = corrupt ? await deps.signer.corrupt(message) : await deps.signer.sign(message);
  try {
    const response = await deps.fetch(notification.notifyUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "client-id": notification.clientId,
        "request-time": requestTime,
        signature,
      },
      body: notification.body,
      signal: AbortSignal.any([deps.closed, AbortSignal.timeout(deps.deliveryTimeoutMs)]),
    });
    const text = await response.text();
    return {
      sentAt,
      requestTime,
      outcome: isAcknowledgement(response.status, text) ? "acknowledged" : "not-acknowledged",
      httpStatus: response.status,
      responseBody: text.slice(0, 4096),
      error: null,
    };
  } catch (cause) {
    return {
      sentAt,
      requestTime,
      outcome: deps.closed.aborted ? "cancelled" : "network-error",
      httpStatus: null,
      responseBody: null,
      error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    };
  }
}
