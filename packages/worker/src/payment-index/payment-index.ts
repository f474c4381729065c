import type { PaymentView } from "../payment-object/payment-view.ts";
import { csvLine } from "./csv.ts";
import { decodeCursor, encodeCursor, type ListCursor } from "./list-cursor.ts";
import { listQuery, type PaymentListFilter } from "./list-query.ts";

export type { PaymentListFilter } from "./list-query.ts";

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

/** One page of payments, newest first. */
export interface PaymentPage {
  payments: PaymentView[];
  nextCursor: string | null;
}

interface ListRow {
  payment_request_id: string;
  created_at: string;
  currency: string;
  refunded_value: string;
  view: string;
}

/** The columns of the export, in its order; never `view`, the largest column. */
interface CsvRow {
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
}

async function selectPage<T>(
  db: D1Database,
  columns: string,
  filter: PaymentListFilter,
  after: ListCursor | null,
  limit: number,
): Promise<T[]> {
  const { sql, params } = listQuery(columns, filter, after, limit);
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<T>();
  return results;
}

// Rows written before views carried `refunded` get it from their column.
function viewOf(row: ListRow): PaymentView {
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
  const rows = await selectPage<ListRow>(
    db,
    "payment_request_id, created_at, currency, refunded_value, view",
    filter,
    cursor === null ? null : decodeCursor(cursor),
    limit + 1,
  );
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

// The index's columns behind `csvColumns`, in the same order.
const csvSelect =
  "payment_request_id, payment_id, scenario, store_id, status, currency, amount_value, refunded_value, description, reference_order_id, result_code, created_at, updated_at, expires_at";

/** Rows the export reads per query: one page is all it holds in memory at a time. */
export const CSV_PAGE_SIZE = 500;

function csvText(rows: readonly CsvRow[]): string {
  let text = "";
  for (const row of rows) {
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
  return text;
}

/**
 * Streams every payment that matches `filter` as CSV (amounts in minor units), newest first. Each
 * pull reads the next page by keyset cursor, so a large export never sits in memory and a slow
 * reader holds the database to one page at a time.
 */
export function exportPaymentsCsv(db: D1Database, filter: PaymentListFilter): ReadableStream {
  const encoder = new TextEncoder();
  let after: ListCursor | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(csvColumns)));
        return;
      }
      const rows = await selectPage<CsvRow>(db, csvSelect, filter, after, CSV_PAGE_SIZE + 1);
      const page = rows.slice(0, CSV_PAGE_SIZE);
      if (page.length > 0) controller.enqueue(encoder.encode(csvText(page)));
      const last = page.at(-1);
      if (rows.length <= CSV_PAGE_SIZE || last === undefined) {
        controller.close();
        return;
      }
      after = { createdAt: last.created_at, paymentRequestId: last.payment_request_id };
    },
  });
}
