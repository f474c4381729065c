import type { ListCursor } from "./list-cursor.ts";

/** Filters of `GET /api/payments` and the CSV export. Times are ISO 8601, on `createdAt`. */
export interface PaymentListFilter {
  storeId?: string;
  status?: string;
  /** Inclusive lower bound. */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  /** `true`: only payments flagged for attention; `false`: only the others. */
  attention?: boolean;
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
  if (filter.attention === true) return "payments_needing_attention";
  if (filter.storeId !== undefined) {
    return filter.status === undefined ? "payments_by_store" : "payments_by_store_status";
  }
  return filter.status === undefined ? "payments_by_created" : "payments_by_status";
}

/** A newest-first page of one D1 table, read through one named index. */
export interface KeysetPage {
  table: string;
  /** The index to read (`INDEXED BY`). */
  index: string;
  /** The id column that breaks ties of `created_at`. */
  idColumn: string;
  /** Equality filters, `column = ?`, and any other condition (without parameters). */
  equal: readonly (readonly [column: string, value: string])[];
  conditions?: readonly string[];
  /** Inclusive lower and exclusive upper bounds on `created_at`. */
  from?: string | undefined;
  to?: string | undefined;
  /** The last row of the previous page: its `created_at` and id. */
  after: { createdAt: string; id: string } | null;
  limit: number;
}

/**
 * One page of `page.table` after `page.after` (newest first, ties broken by id), `page.limit`
 * rows at most. Every filter and the cursor become bounds of one index range, so a page costs the
 * same at the end of a large table as at its start: the cursor is a row-value comparison (SQLite
 * turns `a < x OR (a = x AND b < y)` into a scan from the top), and of the cursor and `to` only
 * the tighter one is kept, as SQLite uses a single upper bound of a range.
 */
export function keysetQuery(columns: string, page: KeysetPage): ListQuery {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, value] of page.equal) {
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  clauses.push(...(page.conditions ?? []));
  if (page.from !== undefined) {
    clauses.push("created_at >= ?");
    params.push(page.from);
  }
  // A cursor older than `to` implies `created_at < to`; `to` at or before the cursor implies
  // that every row it lets through is after the cursor.
  const { after, to } = page;
  if (after !== null && (to === undefined || after.createdAt < to)) {
    clauses.push(`(created_at, ${page.idColumn}) < (?, ?)`);
    params.push(after.createdAt, after.id);
  } else if (to !== undefined) {
    clauses.push("created_at < ?");
    params.push(to);
  }
  const where = clauses.length === 0 ? "" : ` WHERE ${clauses.join(" AND ")}`;
  params.push(page.limit);
  return {
    sql: `SELECT ${columns} FROM ${page.table} INDEXED BY ${page.index}${where} ORDER BY created_at DESC, ${page.idColumn} DESC LIMIT ?`,
    params,
  };
}

/** One page of the payment index after `after` (see {@link keysetQuery}). */
export function listQuery(
  columns: string,
  filter: PaymentListFilter,
  after: ListCursor | null,
  limit: number,
): ListQuery {
  const equal: [string, string][] = [];
  if (filter.storeId !== undefined) equal.push(["store_id", filter.storeId]);
  if (filter.status !== undefined) equal.push(["status", filter.status]);
  return keysetQuery(columns, {
    table: "payments",
    index: indexFor(filter),
    idColumn: "payment_request_id",
    equal,
    conditions:
      filter.attention === undefined
        ? []
        : [`attention_reason IS ${filter.attention ? "NOT NULL" : "NULL"}`],
    from: filter.from,
    to: filter.to,
    after: after === null ? null : { createdAt: after.createdAt, id: after.paymentRequestId },
    limit,
  });
}
