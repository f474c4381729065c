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
