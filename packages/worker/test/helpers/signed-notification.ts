import { createSignature, formatSignatureHeader } from "@ams-edge/core";
import { TEST_PUBLIC_BASE_URL } from "../fixtures/test-config.ts";
import { TEST_ALIPAY_PRIVATE_KEY } from "../fixtures/test-keys.ts";

/** Options of {@link signedNotification}. */
export interface SignedNotificationOptions {
  /** Body actually sent, when it differs from the signed one (a tampered notification). */
  sentBody?: string;
  requestTime?: string;
  contentType?: string;
  clientId?: string;
}

/**
 * A notification POST to the Worker, signed like the provider signs: over
 * `POST /alipay/notify\n<client-id>.<request-time>.<body>` with the test provider key.
 */
export async function signedNotification(
  body: string,
  options: SignedNotificationOptions = {},
): Promise<Request> {
  const requestTime = options.requestTime ?? "2026-11-20T10:00:00+00:00";
  const clientId = options.clientId ?? "TEST_WORKER_CLIENT";
  const signature = await createSignature(
    { method: "POST", path: "/alipay/notify", clientId, requestTime, body },
    TEST_ALIPAY_PRIVATE_KEY,
  );
  return new Request(`${TEST_PUBLIC_BASE_URL}/alipay/notify`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json; charset=UTF-8",
      "client-id": clientId,
      "request-time": requestTime,
      signature: formatSignatureHeader({ signature, keyVersion: 1 }),
    },
    body: options.sentBody ?? body,
  });
}

/** A `PAYMENT_RESULT` body as the provider sends it. */
export function paymentResultBody(fields: {
  paymentRequestId: string;
  paymentId: string | null;
  value: string;
  resultStatus?: "S" | "F";
  resultCode?: string;
  currency?: string;
}): string {
  const status = fields.resultStatus ?? "S";
  return JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: {
      resultCode: fields.resultCode ?? (status === "S" ? "SUCCESS" : "USER_BALANCE_NOT_ENOUGH"),
      resultStatus: status,
      resultMessage: status === "S" ? "success" : "failed",
    },
    paymentRequestId: fields.paymentRequestId,
    ...(fields.paymentId === null ? {} : { paymentId: fields.paymentId }),
    paymentAmount: { currency: fields.currency ?? "USD", value: fields.value },
    paymentCreateTime: "2026-11-20T09:59:00+00:00",
    paymentTime: "2026-11-20T10:00:00+00:00",
  });
}
