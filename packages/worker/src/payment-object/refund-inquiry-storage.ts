import type { RefundInquiryRecord } from "./refund-inquiry.ts";

/**
 * The bookkeeping of refund inquiries in a payment object's SQLite storage: one row per refund
 * still unclear. (The refunds themselves live in the payment's state.)
 */
export class RefundInquiryStorage {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS refund_inquiries (
      refund_request_id TEXT PRIMARY KEY,
      attempts INTEGER NOT NULL,
      not_found INTEGER NOT NULL,
      last_at INTEGER NOT NULL
    )`);
  }

  /** Every record, by refund request id. */
  records(): Map<string, RefundInquiryRecord> {
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
    this.#sql.exec("DELETE FROM refund_inquiries WHERE refund_request_id = ?", refundRequestId);
  }
}
