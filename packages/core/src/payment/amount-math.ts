import type { PaymentAmount } from "./payment-state.ts";

const DIGITS = /^\d+$/;

/** True when both amounts have the same currency and the same number of minor units. */
export function sameAmount(a: PaymentAmount, b: PaymentAmount): boolean {
  if (a.currency !== b.currency) return false;
  if (DIGITS.test(a.value) && DIGITS.test(b.value)) return BigInt(a.value) === BigInt(b.value);
  return a.value === b.value;
}

/** Epoch ms from an ISO 8601 string, or `null` when absent or unreadable. */
export function parseTime(value: string | null | undefined): number | null {
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
