import { CURRENCY_PATTERN } from "@ams-edge/core/api";
import type { CreatePaymentRequest } from "../client/create-worker-client.ts";

/** Throws a `TypeError` unless `params` is a well-formed creation request. */
export function assertPaymentParams(params: CreatePaymentRequest): void {
  const { amount, storeId, description } = params;
  if (
    !CURRENCY_PATTERN.test(amount?.currency) ||
    !/^\d*[1-9]\d*$/.test(amount.value) ||
    !storeId ||
    typeof description !== "string"
  ) {
    throw new TypeError(
      `create() expects { amount: { currency: "USD", value: "599" } (minor units, above 0), description, storeId }; got ${JSON.stringify(params)}.`,
    );
  }
}

const fields = (p: CreatePaymentRequest) =>
  JSON.stringify([
    p.amount.currency,
    p.amount.value,
    p.description,
    p.storeId,
    p.expiresInSeconds,
    p.referenceOrderId,
  ]);

/** True when two creation requests ask for the same payment. */
export function samePaymentParams(
  a: CreatePaymentRequest | undefined,
  b: CreatePaymentRequest,
): boolean {
  return !!a && fields(a) === fields(b);
}

/** A random idempotency key (128 bits, hex); works on plain-http pages, unlike `randomUUID`. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}
