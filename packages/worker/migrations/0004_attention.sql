-- Payments a person has to look at: a follow-up reached its limit with the outcome unclear (the
-- view's `attention`). NULL for every other payment, and for rows written before the flag.
ALTER TABLE payments ADD COLUMN attention_reason TEXT;
ALTER TABLE payments ADD COLUMN attention_since TEXT;

-- `GET /api/payments?attention=true` reads this index only: it holds the flagged rows alone, so
-- the list costs the same however many settled payments the table keeps. Store and status
-- filters are checked on its few rows.
CREATE INDEX payments_needing_attention
  ON payments (created_at DESC, payment_request_id DESC)
  WHERE attention_reason IS NOT NULL;
