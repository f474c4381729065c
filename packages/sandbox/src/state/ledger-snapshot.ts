import type { PaymentRecord, RefundRecord } from "./payment-record.ts";

/** A payment in a {@link LedgerSnapshot}: the record, with its refunded sum as a decimal string. */
export type LedgerPayment = Omit<PaymentRecord, "refunded"> & { readonly refunded: string };

/**
 * Every payment and refund a sandbox knows, as plain JSON: what `ledger()` returns and the
 * `ledger` option restores, so that a sandbox can be stopped and started again with its payments.
 * Notifications still being resent and scripted customers are not part of it.
 */
export interface LedgerSnapshot {
  /** The format's version: 1. */
  readonly version: 1;
  /** The last id sequence number used; ids never repeat across a restore. */
  readonly sequence: number;
  readonly payments: readonly LedgerPayment[];
  readonly refunds: readonly RefundRecord[];
}

/** The payment as kept in a snapshot. */
export function toLedgerPayment(payment: PaymentRecord): LedgerPayment {
  return { ...payment, refunded: payment.refunded.toString() };
}

/** The payment back from a snapshot. */
export function fromLedgerPayment(payment: LedgerPayment): PaymentRecord {
  return { ...payment, refunded: BigInt(payment.refunded) };
}

/**
 * Checks the outline of a snapshot read from a file (a version it knows, lists where lists go);
 * throws a `TypeError` that says what is wrong.
 */
export function checkLedgerSnapshot(value: unknown): LedgerSnapshot {
  const snapshot = value as Partial<LedgerSnapshot> | null;
  if (
    typeof snapshot !== "object" ||
    snapshot === null ||
    snapshot.version !== 1 ||
    !Number.isInteger(snapshot.sequence) ||
    !Array.isArray(snapshot.payments) ||
    !Array.isArray(snapshot.refunds)
  ) {
    throw new TypeError(
      'expected a sandbox ledger: { "version": 1, "sequence", "payments": [], "refunds": [] }',
    );
  }
  return snapshot as LedgerSnapshot;
}
