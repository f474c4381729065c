import type { CreatePaymentRequest } from "../client/create-worker-client.ts";

/**
 * Where an Order Code payment in progress is remembered across reloads. `sessionStorage` fits
 * as is (and is the default in a browser); pass your own for other places, or `null` for none.
 */
export interface PaymentStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What is remembered: the creation request, then the payment it produced. */
export interface StoredPayment {
  idempotencyKey: string;
  params: CreatePaymentRequest;
  paymentRequestId?: string;
  statusToken?: string;
}

/** The tab's `sessionStorage`, or null where there is none (SSR) or it is blocked. */
export function defaultPaymentStorage(): PaymentStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads a remembered payment; anything unreadable counts as nothing. */
export function readStoredPayment(
  storage: PaymentStorage | null,
  key: string,
): StoredPayment | null {
  try {
    // No storage (or nothing stored) parses as null, or throws, which counts the same.
    const value: Partial<StoredPayment> | null = JSON.parse(storage?.getItem(key) as string);
    return typeof value?.idempotencyKey === "string" && typeof value.params === "object"
      ? (value as StoredPayment)
      : null;
  } catch {
    return null;
  }
}

/** Remembers `value` (or forgets, for null); a full or blocked storage only loses the memory. */
export function writeStoredPayment(
  storage: PaymentStorage | null,
  key: string,
  value: StoredPayment | null,
): void {
  try {
    if (value) storage?.setItem(key, JSON.stringify(value));
    else storage?.removeItem(key);
  } catch {
    // Remembering is a convenience for reloads; the payment itself goes on without it.
  }
}
