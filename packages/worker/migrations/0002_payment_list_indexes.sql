-- Listing and exporting with both a store and a status (the reconciliation view: one shop's
-- settled payments over a period) reads one range of this index, newest first, instead of
-- walking every payment of that status and checking its store. The queries name their index
-- (`INDEXED BY`, see src/payment-index/list-query.ts): without statistics, which D1 does not
-- gather, SQLite would pick `payments_by_status` for a filter that also has a time range.
CREATE INDEX payments_by_store_status
  ON payments (store_id, status, created_at DESC, payment_request_id DESC);
