import type { PaymentStorage } from "../stores/payment-storage.ts";

/** A `Storage` stand-in over a Map (`data`), shared by the stores a test makes to play a reload. */
export function memoryStorage(): PaymentStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
