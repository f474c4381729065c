import { WorkerError } from "../http/worker-error.ts";
import { fingerprint } from "./payment-request-id.ts";

/** The gateway's limit on `refundRequestId`. */
const MAX_REFUND_REQUEST_ID = 64;
/** Hex digits of the key's digest after the payment's id and `_`. */
const SUFFIX_LENGTH = 16;

/**
 * The refund id an `Idempotency-Key` stands for on one payment: the payment's id, `_`, and 16 hex
 * digits of the key's digest (at most 64 characters). Deriving it makes every retry of a refund
 * address the same refund record, and send the same id to the gateway; the payment's id in front
 * lets a `REFUND_RESULT` notification find its payment.
 */
export async function refundRequestIdForKey(
  paymentRequestId: string,
  idempotencyKey: string | undefined,
): Promise<string> {
  if (idempotencyKey === undefined) {
    throw new WorkerError(
      "INVALID_REQUEST",
      "expected an Idempotency-Key header: a refund moves money, so every request needs a key that makes its retries safe (a new UUID per refund, the same one for each retry of it)",
    );
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
    throw new WorkerError(
      "INVALID_REQUEST",
      "expected Idempotency-Key to be 1 to 255 visible ASCII characters (a UUID works well)",
    );
  }
  // The Worker's payment ids have 34 characters: a longer one names no payment of this Worker.
  if (paymentRequestId.length + 1 + SUFFIX_LENGTH > MAX_REFUND_REQUEST_ID) {
    throw new WorkerError("PAYMENT_NOT_FOUND", "no such payment");
  }
  const digest = await fingerprint(["refund", idempotencyKey]);
  return `${paymentRequestId}_${digest.slice(0, SUFFIX_LENGTH)}`;
}
