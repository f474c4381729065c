import type { PaymentView } from "../payment-object/payment-view.ts";
import { csvLine } from "./csv.ts";
import { decodeCursor, encodeCursor, type ListCursor } from "./list-cursor.ts";

/** What the index keeps beside the view, for filters and exports. */
export interface IndexExtras {
  referenceOrderId: string | null;
  /** Sum of successful refunds, in minor units. */
  refundedValue: string;
}

/**
 * Writes a payment's row. A row with a higher `version` is never replaced by an older one, so a
 * late or repeated write is harmless.
 */
export async function upsertPaymentIndex(
  db: D1Database,
  view: PaymentView,
  extras: IndexExtras,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO payments (payment_request_id, payment_id, scenario, store_id, status, currency,
         amount_value, refunded_value, description, reference_order_id, result_code, created_at,
         updated_at, expires_at, version, view)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
       ON CONFLICT (payment_request_id) DO UPDATE SET
         payment_id = excluded.payment_id, status = excluded.status,
         refunded_value = excluded.refunded_value, result_code = excluded.result_code,
         updated_at = excluded.updated_at, expires_at = excluded.expires_at,
         version = excluded.version, view = excluded.view
       WHERE excluded.version > payments.version`,
    )
    .bind(
      view.paymentRequestId,
      view.paymentId,
      view.scenario,
      view.storeId,
      view.status,
      view.amount.currency,
      view.amount.value,
      extras.refundedValue,
      view.description,
      extras.referenceOrderId,
      view.resultCode,
      view.createdAt,
      view.updatedAt,
      view.expiresAt,
      view.version,
      JSON.stringify(view),
    )
    .run();
}

/** Filters of `GET /api/payments` and the CSV export. Times are ISO 8601, on `createdAt`. */
export interface PaymentListFilter {
  storeId?: string;
  status?: string;
  /** Inclusive lower bound. */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
}

/** One page of payments, newest first. */
export interface PaymentPage {
  payments: PaymentView[];
  nextCursor: string | null;
}

interface Row {
  payment_request_id: string;
  payment_id: string | null;
  scenario: string;
  store_id: string;
  status: string;
  currency: string;
  amount_value: string;
  refunded_value: string;
  description: string;
  reference_order_id: string | null;
  result_code: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  view: string;
}

function whereClause(filter: PaymentListFilter, after: ListCursor | null): [string, unknown[]] {
  const clauses: string[] = [];
  const params: unknown[] = [];
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
  if (filter.to !== undefined) {
    clauses.push("created_at < ?");
    params.push(filter.to);
  }
  if (after !== null) {
    clauses.push("(created_at < ? OR (created_at = ? AND payment_request_id < ?))");
    params.push(after.createdAt, after.createdAt, after.paymentRequestId);
  }
  return [clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`, params];
}

async function selectPage(
  db: D1Database,
  filter: PaymentListFilter,
  after: ListCursor | null,
  limit: number,
): Promise<Row[]> {
  const [where, params] = whereClause(filter, after);
  const { results } = await db
    .prepare(
      `SELECT * FROM payments ${where}
       ORDER BY created_at DESC, payment_request_id DESC LIMIT ${limit + 1}`,
    )
    .bind(...params)
    .all<Row>();
  return results;
}

// Rows written before views carried `refunded` get it from their column.
function viewOf(row: Row): PaymentView {
  const view = JSON.parse(row.view) as Omit<PaymentView, "refunded"> & Partial<PaymentView>;
  return {
    ...view,
    refunded: view.refunded ?? { currency: row.currency, value: row.refunded_value },
  };
}

/** Reads one page of payments; `cursor` is the previous page's `nextCursor`. */
export async function listPayments(
  db: D1Database,
  filter: PaymentListFilter,
  cursor: string | null,
  limit: number,
): Promise<PaymentPage> {
  const rows = await selectPage(db, filter, cursor === null ? null : decodeCursor(cursor), limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    payments: page.map(viewOf),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor({ createdAt: last.created_at, paymentRequestId: last.payment_request_id })
        : null,
  };
}

/** Column names of the reconciliation export, in order. */
export const csvColumns = [
  "paymentRequestId",
  "paymentId",
  "scenario",
  "storeId",
  "status",
  "currency",
  "amountValue",
  "refundedValue",
  "description",
  "referenceOrderId",
  "resultCode",
  "createdAt",
  "updatedAt",
  "expiresAt",
] as const;

/**
 * Streams every payment that matches `filter` as CSV (amounts in minor units), reading the index
 * page by page so that a large export never sits in memory.
 */
export function exportPaymentsCsv(db: D1Database, filter: PaymentListFilter): ReadableStream {
  const encoder = new TextEncoder();
  let after: ListCursor | null = null;
  let headerSent = false;
  const pageSize = 500;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(csvColumns)));
        return;
      }
      const rows = await selectPage(db, filter, after, pageSize);
      const page = rows.slice(0, pageSize);
      let text = "";
      for (const row of page) {
        text += csvLine([
          row.payment_request_id,
          row.payment_id,
          row.scenario,
          row.store_id,
          row.status,
          row.currency,
          row.amount_value,
          row.refunded_value,
          row.description,
          row.reference_order_id,
          row.result_code,
          row.created_at,
          row.updated_at,
          row.expires_at,
        ]);
      }
      if (text !== "") controller.enqueue(encoder.encode(text));
      const last = page.at(-1);
      if (rows.length <= pageSize || last === undefined) {
        controller.close();
        return;
      }
      after = { createdAt: last.created_at, paymentRequestId: last.payment_request_id };
    },
  });
}
