/** A verified notification that no payment object took. */
export interface OtherNotification {
  notifyType: string;
  paymentRequestId: string | null;
  requestTime: string;
  rawBody: string;
}

/**
 * Keeps a verified notification no payment took (an unknown `notifyType`, or an unknown
 * payment) in D1, verbatim, so that it is acknowledged without being lost.
 */
export async function logOtherNotification(db: D1Database, n: OtherNotification): Promise<void> {
  await db
    .prepare(
      `INSERT INTO notifications (received_at, notify_type, payment_request_id, request_time, body)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .bind(new Date().toISOString(), n.notifyType, n.paymentRequestId, n.requestTime, n.rawBody)
    .run();
}
