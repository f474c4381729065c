-- The review log: every verified notification that changed no payment by itself, with why.
-- Rows come from the notify route (no payment takes the notification) and from payment objects
-- (a notification for one of their payments that they kept without applying it); a payment's
-- rows carry the `seq` of its `notification_unapplied` event, so a repeated copy is ignored.
ALTER TABLE notifications ADD COLUMN reason TEXT;
ALTER TABLE notifications ADD COLUMN source_seq INTEGER;

CREATE UNIQUE INDEX notifications_by_source
  ON notifications (payment_request_id, source_seq) WHERE source_seq IS NOT NULL;
