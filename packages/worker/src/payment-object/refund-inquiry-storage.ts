import { hasTable } from "./payment-storage.ts";
import type { RefundInquiryRecord } from "./refund-inquiry.ts";

/**
 * The bookkeeping of refund inquiries in a payment object's SQLite storage: one row per refund
 * still unclear. (The refunds themselves live in the payment's state.) The table is created with
 * the first record, so an object that never refunds never writes it.
 */
export class RefundInquiryStorage {
  readonly #sql: SqlStorage;
  #ready: boolean;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#ready = hasTable(sql, "refund_inquiries");
  }

  /** Every record, by refund request id. */
  records(): Map<string, RefundInquiryRecord> {
    if (!this.#ready) return new Map();
    const rows = this.#sql
      .exec<{ refund_request_id: string; attempts: number; not_found: number; last_at: number }>(
        "SELECT refund_request_id, attempts, not_found, last_at FROM refund_inquiries",
      )
      .toArray();
    return new Map(
      rows.map((row) => [
        row.refund_request_id,
        {
          refundRequestId: row.refund_request_id,
          attempts: row.attempts,
          notFound: row.not_found,
          lastAt: row.last_at,
        },
      ]),
    );
  }

  /** Stores (or replaces) a record. */
  save(record: RefundInquiryRecord): void {
    if (!this.#ready) {
      this.#sql.exec(`CREATE TABLE IF NOT EXISTS refund_inquiries (
        refund_request_id TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL,
        not_found INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      )`);
      this.#ready = true;
    }
    this.#sql.exec(
      "INSERT OR REPLACE INTO refund_inquiries (refund_request_id, attempts, not_found, last_at) VALUES (?, ?, ?, ?)",
      record.refundRequestId,
      record.attempts,
      record.notFound,
      record.lastAt,
    );
  }

  /** Forgets the record of a settled refund. */
  remove(refundRequestId: string): void {
    if (!this.#ready) return;
    this.#sql.exec("DELETE FROM refund_inquiries WHERE refund_request_id = ?", refundRequestId);
  }
}
