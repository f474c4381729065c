import { createRefunds, type RefundRecord, type RefundState } from "@ams-edge/core";
import { hasTable } from "./payment-storage.ts";

/** How payment states stored before the refund state machine kept refunds. */
interface LegacyRefund {
  status: "S" | "F" | "U";
  amount: { currency: string; value: string };
  resultCode: string;
  at: number;
}

const LEGACY_STATUS = { S: "succeeded", F: "failed", U: "unclear" } as const;

/**
 * The refunds of a payment stored before the refund state machine existed (in the payment's
 * state, `refunds`), as refund records: unclear ones are followed up from their last answer.
 */
export function legacyRefunds(paymentRequestId: string, paymentState: unknown): RefundState {
  const kept = (paymentState as { refunds?: Record<string, LegacyRefund> }).refunds ?? {};
  const refunds: RefundRecord[] = Object.entries(kept).map(([refundRequestId, old]) => ({
    refundRequestId,
    amount: { currency: old.amount.currency, value: old.amount.value },
    reason: null,
    status: LEGACY_STATUS[old.status],
    refunded:
      old.status === "S" ? { currency: old.amount.currency, value: old.amount.value } : null,
    resultCode: old.resultCode,
    requestedAt: old.at,
    answeredAt: old.at,
    inquiries: 0,
    notFound: 0,
    lastInquiryAt: null,
    attention: null,
    updatedAt: old.at,
    version: 1,
  }));
  const state = createRefunds(paymentRequestId);
  if (refunds.length === 0) return state;
  return {
    ...state,
    refunds,
    version: refunds.length,
    updatedAt: Math.max(...refunds.map((r) => r.updatedAt)),
  };
}

/**
 * A payment object's refund state (core's `RefundState`, every refund of the payment) in its
 * SQLite storage, one row written before each refund call and after each answer. The table is
 * created with the first refund, so an object that never refunds never writes it.
 */
export class RefundStorage {
  readonly #sql: SqlStorage;
  #ready: boolean;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#ready = hasTable(sql, "refunds");
  }

  /** The stored refunds, or null when none was ever stored. */
  load(): RefundState | null {
    if (!this.#ready) return null;
    const row = this.#sql
      .exec<{ state_json: string }>("SELECT state_json FROM refunds WHERE id = 1")
      .toArray()[0];
    return row === undefined ? null : (JSON.parse(row.state_json) as RefundState);
  }

  /** Replaces the stored refunds. */
  save(state: RefundState): void {
    if (!this.#ready) {
      this.#sql.exec(`CREATE TABLE IF NOT EXISTS refunds (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state_json TEXT NOT NULL
      )`);
      this.#ready = true;
    }
    this.#sql.exec(
      "INSERT OR REPLACE INTO refunds (id, state_json) VALUES (1, ?)",
      JSON.stringify(state),
    );
  }

  /**
   * The first answer given for refund `refundRequestId` (its view as JSON text), or null when none
   * was recorded (a refund recorded before answers were kept, or whose first request never got
   * one because the object was torn down during its call).
   */
  firstAnswer(refundRequestId: string): string | null {
    if (!hasTable(this.#sql, "refund_answers")) return null;
    const row = this.#sql
      .exec<{ view_json: string }>(
        "SELECT view_json FROM refund_answers WHERE refund_request_id = ?",
        refundRequestId,
      )
      .toArray()[0];
    return row?.view_json ?? null;
  }

  /** Keeps the first answer given for a refund; a later one never replaces it. */
  saveFirstAnswer(refundRequestId: string, viewJson: string): void {
    this.#sql.exec(`CREATE TABLE IF NOT EXISTS refund_answers (
      refund_request_id TEXT PRIMARY KEY,
      view_json TEXT NOT NULL
    )`);
    this.#sql.exec(
      "INSERT OR IGNORE INTO refund_answers (refund_request_id, view_json) VALUES (?, ?)",
      refundRequestId,
      viewJson,
    );
  }
}
