import type { ListCursor } from "./list-cursor.ts";

/** Filters of `GET /api/payments` and the CSV export. Times are ISO 8601, on `createdAt`. */
export interface PaymentListFilter {
  storeId?: string;
  status?: string;
  /** Inclusive lower bound. */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
}

/** A statement ready for `db.prepare(sql).bind(...params)`. */
export interface ListQuery {
  sql: string;
  params: (string | number)[];
}

/**
 * The index each combination of filters reads, newest first. Named in the query: D1 keeps no
 * statistics, and without them SQLite prefers `payments_by_status` even when a store is given.
 */
function indexFor(filter: PaymentListFilter): string {
  if (filter.storeId !== undefined) {
    return filter.status === undefined ? "payments_by_store" : "payments_by_store_status";
  }
  return filter.status === undefined ? "payments_by_created" : "payments_by_status";
}

/**
 * One page of the index after `after` (newest first, ties broken by id), `limit` rows at most.
 * Every filter and the cursor become bounds of one index range, so a page costs the same at
 * the end of a large table as at its start: the cursor is a row-value comparison (SQLite turns
 * `a < x OR (a = x AND b < y)` into a scan from the top), and of the cursor and `to` only the
 * tighter one is kept, as SQLite uses a single upper bound of a range.
 */
export function listQuery(
  columns: string,
  filter: PaymentListFilter,
  after: ListCursor | null,
  limit: number,
): ListQuery {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.storeId !== undefined) {
    clauses.push("store_id = ?");
    params.push(filter.storeId);
  }
  if (filter.status !== undefined) {
    clauses.push("status = ?");
    params.push(filter.status);
  }
  if (filter.from !== undefined) {
    clauses.push("created_at >= ?");
    params.push(filter.from);
  }
  // A cursor older than `to` implies `created_at < to`; `to` at or before the cursor implies
  // that every row it lets through is after the cursor.
  if (after !== null && (filter.to === undefined || after.createdAt < filter.to)) {
    clauses.push("(created_at, payment_request_id) < (?, ?)");
    params.push(after.createdAt, after.paymentRequestId);
  } else if (filter.to !== undefined) {
    clauses.push("created_at < ?");
    params.push(filter.to);
  }
  const where = clauses.length === 0 ? "" : ` WHERE ${clauses.join(" AND ")}`;
  params.push(limit);
  return {
    sql: `SELECT ${columns} FROM payments INDEXED BY ${indexFor(filter)}${where} ORDER BY created_at DESC, payment_request_id DESC LIMIT ?`,
    params,
  };
}
