import type { KeyInput } from "../keys/index.ts";
import type { NotificationInput } from "../schemas/index.ts";
import { type SignedRequestParts, signRequest } from "../signature/index.ts";

/** What to sign: exactly one of `body` (sent verbatim) or `notification` (serialized once). */
type NotificationContent =
  | { body: string; notification?: never }
  | { notification: NotificationInput | Record<string, unknown>; body?: never };

/** Common options of {@link signTestNotification}. */
interface SignTestNotificationBase {
  /** A test private key standing in for the provider's (pair it with the public key you verify with). */
  privateKey: KeyInput;
  /** Sent as `client-id`. */
  clientId: string;
  /** Sent as `request-time`; default: now, ISO 8601 to the second with offset, as the provider sends. */
  requestTime?: string | undefined;
  /** Sent in the `Signature` header. Default 1. */
  keyVersion?: string | number | undefined;
}

/** Options of {@link signTestNotification} that give a fetch `Request` for `url`. */
export type SignTestNotificationForUrl = SignTestNotificationBase &
  NotificationContent & { url: string | URL; path?: never };

/** Options of {@link signTestNotification} that give the signed parts for `path`. */
export type SignTestNotificationForPath = SignTestNotificationBase &
  NotificationContent & { path: string; url?: never };

function providerTime(now: Date): string {
  return `${now.toISOString().slice(0, 19)}+00:00`;
}

/**
 * Builds a signed notification, as the provider would send it, for your own tests: a `Request`
 * when given `url`, or `{ method, url, headers, body, ... }` (which `verifyNotification` also
 * accepts) when given `path`. Sign with a test key, never with a real one.
 *
 * @example
 * const request = await signTestNotification({
 *   notification: { notifyType: "PAYMENT_RESULT", result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" }, paymentRequestId: "order-1" },
 *   privateKey: TEST_ALIPAY_PRIVATE_KEY,
 *   clientId: "SANDBOX_TEST",
 *   url: "http://127.0.0.1:8787/alipay/notify",
 * });
 * const { notification } = await verifyNotification(request, { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY });
 */
export function signTestNotification(options: SignTestNotificationForUrl): Promise<Request>;
export function signTestNotification(
  options: SignTestNotificationForPath,
): Promise<SignedRequestParts>;
export async function signTestNotification(
  options: SignTestNotificationForUrl | SignTestNotificationForPath,
): Promise<Request | SignedRequestParts> {
  const body = options.body ?? JSON.stringify(options.notification);
  if (typeof body !== "string") {
    throw new TypeError(
      "signTestNotification: pass `body` (a string) or `notification` (an object)",
    );
  }
  const signOptions = {
    clientId: options.clientId,
    privateKey: options.privateKey,
    requestTime: options.requestTime ?? providerTime(new Date()),
    keyVersion: options.keyVersion,
  };
  const headers = { "content-type": "application/json; charset=UTF-8" };
  if (options.url !== undefined) {
    return signRequest(new Request(options.url, { method: "POST", headers, body }), signOptions);
  }
  if (typeof options.path !== "string" || !options.path.startsWith("/")) {
    throw new TypeError("signTestNotification: pass `url` (absolute) or `path` (starting with /)");
  }
  return signRequest({ method: "POST", url: options.path, headers, body }, signOptions);
}
