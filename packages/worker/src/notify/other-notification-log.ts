import type { ReviewNotificationPage } from "@ams-edge/core/api";
import type { UnappliedEntry } from "../payment-object/payment-storage.ts";

/** A verified notification that no payment object took. */
export interface OtherNotification {
  notifyType: string | null;
  paymentRequestId: string | null;
  requestTime: string;
  rawBody: string;
  /** Why it changed no payment (`PAYMENT_UNKNOWN`, `NOTIFY_TYPE_UNKNOWN`, `BODY_INVALID`, ...). */
  reason: string;
}

/**
 * Keeps a verified notification no payment took (an unknown `notifyType`, an unknown payment, a
 * body that names no payment) in D1's review log, verbatim, so that it is acknowledged without
 * being lost.
 */
export async function logOtherNotification(db: D1Database, n: OtherNotification): Promise<void> {
  await db
    .prepare(
      `INSERT INTO notifications (received_at, notify_type, payment_request_id, request_time, body,
         reason)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      new Date().toISOString(),
      n.notifyType,
      n.paymentRequestId,
      n.requestTime,
      n.rawBody,
      n.reason,
    )
    .run();
}

/**
 * Copies a payment's kept-but-unapplied notifications to the review log, once each (a row per
 * `notification_unapplied` entry, keyed by its `seq`).
 */
export async function logUnappliedNotifications(
  db: D1Database,
  paymentRequestId: string,
  entries: readonly UnappliedEntry[],
): Promise<void> {
  await db.batch(
    entries.map((entry) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO notifications (received_at, notify_type, payment_request_id,
             request_time, body, reason, source_seq)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          new Date(entry.at).toISOString(),
          entry.notifyType,
          paymentRequestId,
          entry.requestTime,
          entry.rawBody,
          entry.reason,
          entry.seq,
        ),
    ),
  );
}

interface ReviewRow {
  id: number;
  received_at: string;
  notify_type: string | null;
  payment_request_id: string | null;
  reason: string | null;
  request_time: string;
  body: string;
}

/**
 * One page of the review log, newest first: the entries below `before` (an id from the previous
 * page), at most `limit`, optionally only those naming `paymentRequestId`. Rows written before
 * reasons were recorded read as `UNRECORDED`.
 */
export async function listReviewNotifications(
  db: D1Database,
  query: { limit: number; before: number | null; paymentRequestId: string | null },
): Promise<ReviewNotificationPage> {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (query.before !== null) {
    conditions.push("id < ?");
    params.push(query.before);
  }
  if (query.paymentRequestId !== null) {
    conditions.push("payment_request_id = ?");
    params.push(query.paymentRequestId);
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
  const { results } = await db
    .prepare(
      `SELECT id, received_at, notify_type, payment_request_id, reason, request_time, body
       FROM notifications ${where} ORDER BY id DESC LIMIT ?`,
    )
    .bind(...params, query.limit + 1)
    .all<ReviewRow>();
  const rows = results.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    notifications: rows.map((row) => ({
      id: row.id,
      receivedAt: row.received_at,
      notifyType: row.notify_type,
      paymentRequestId: row.payment_request_id,
      reason: row.reason ?? "UNRECORDED",
      requestTime: row.request_time,
      body: row.body,
    })),
    nextCursor: results.length > query.limit && last !== undefined ? String(last.id) : null,
  };
}
