-- Index of payments for listing and reconciliation. Each payment's Durable Object is the source of
-- truth; it upserts its row after every change, and `version` keeps a late write from replacing a
-- newer one.
CREATE TABLE payments (
  payment_request_id TEXT PRIMARY KEY,
  payment_id TEXT,
  scenario TEXT NOT NULL,
  store_id TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_value TEXT NOT NULL,
  refunded_value TEXT NOT NULL DEFAULT '0',
  description TEXT NOT NULL,
  reference_order_id TEXT,
  result_code TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  -- The PaymentView as JSON, so that listing needs no second read.
  view TEXT NOT NULL
);

CREATE INDEX payments_by_created ON payments (created_at DESC, payment_request_id DESC);
CREATE INDEX payments_by_store ON payments (store_id, created_at DESC, payment_request_id DESC);
CREATE INDEX payments_by_status ON payments (status, created_at DESC, payment_request_id DESC);

-- Verified notifications that no payment object takes (unknown notifyType, no paymentRequestId):
-- kept verbatim and acknowledged, never dropped.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  notify_type TEXT,
  payment_request_id TEXT,
  request_time TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE INDEX notifications_by_received ON notifications (received_at);
