-- Index of refunds for listing and reconciliation. Each payment's Durable Object is the source of
-- truth for its refunds; it writes their rows through the same outbox as the payment's row (after
-- the change, never on a notification's acknowledgement), and `version` keeps a late write from
-- replacing a newer one. `status` is the API's: processing, succeeded or failed.
CREATE TABLE refunds (
  refund_request_id TEXT PRIMARY KEY,
  payment_request_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  amount TEXT NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  result_code TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);

-- One index per filter combination, newest first; the queries name theirs (see
-- src/payment-index/refund-index.ts), as D1 gathers no statistics.
CREATE INDEX refunds_by_created ON refunds (created_at DESC, refund_request_id DESC);
CREATE INDEX refunds_by_store ON refunds (store_id, created_at DESC, refund_request_id DESC);
CREATE INDEX refunds_by_status ON refunds (status, created_at DESC, refund_request_id DESC);
CREATE INDEX refunds_by_store_status
  ON refunds (store_id, status, created_at DESC, refund_request_id DESC);
CREATE INDEX refunds_by_payment
  ON refunds (payment_request_id, created_at DESC, refund_request_id DESC);
