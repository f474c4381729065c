import { fromBase64Url, toBase64Url } from "../util/base64url.ts";

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

// The label keeps a status token from being valid as any other HMAC this secret might sign.
const message = (paymentRequestId: string) => encoder.encode(`payment-status:${paymentRequestId}`);

/**
 * The per-payment status token: HMAC-SHA256 of the payment request id under STATUS_TOKEN_SECRET,
 * base64url. It lets a screen or a customer read one payment and nothing else.
 */
export async function createStatusToken(secret: string, paymentRequestId: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    message(paymentRequestId),
  );
  return toBase64Url(new Uint8Array(signature));
}

/** True when `token` is the status token of `paymentRequestId` (checked in constant time). */
export async function verifyStatusToken(
  secret: string,
  paymentRequestId: string,
  token: string,
): Promise<boolean> {
  const signature = fromBase64Url(token);
  if (signature === null || signature.byteLength !== 32) return false;
  return crypto.subtle.verify("HMAC", await hmacKey(secret), signature, message(paymentRequestId));
}
