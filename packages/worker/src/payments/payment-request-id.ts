import { WorkerError } from "../http/worker-error.ts";
import { toHex } from "../util/base64url.ts";

const encoder = new TextEncoder();

/** True for strings usable as a payment request id in a URL (≤ 64 letters, digits, `_`, `-`). */
export function isPaymentRequestId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** A fresh payment request id: 32 random hex digits after a scenario prefix. */
export function newPaymentRequestId(scenario: "OrderCode" | "EntryCode"): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  return `${scenario === "OrderCode" ? "oc" : "ec"}${toHex(random)}`;
}

/**
 * The payment request id that an `Idempotency-Key` stands for. Deriving it (instead of storing a
 * key → id map) makes a retried request address the same payment object, which then decides,
 * alone and in order, whether the payment already exists.
 */
export async function paymentRequestIdForKey(idempotencyKey: string): Promise<string> {
  if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
    throw new WorkerError(
      "INVALID_REQUEST",
      "expected Idempotency-Key to be 1 to 255 visible ASCII characters (a UUID works well)",
    );
  }
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`payment:${idempotencyKey}`));
  return `ik${toHex(new Uint8Array(digest)).slice(0, 32)}`;
}

/** A short digest of a request's meaningful fields, to tell a retry from a different request. */
export async function fingerprint(fields: unknown): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(JSON.stringify(fields)));
  return toHex(new Uint8Array(digest)).slice(0, 32);
}
