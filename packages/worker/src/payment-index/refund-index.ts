import type { RefundRecord } from "@ams-edge/core";
import type { RefundListItem, RefundPage } from "@ams-edge/core/api";
import { toRefundView } from "../payment-object/to-payment-view.ts";
import { csvLine } from "./csv.ts";
import { decodeCursor, encodeCursor } from "./list-cursor.ts";
import { keysetQuery } from "./list-query.ts";

/** Filters of `GET /api/refunds` and its CSV export. Times are ISO 8601, on `createdAt`. */
export interface RefundListFilter {
  storeId?: string;
  /** `processing`, `succeeded` or `failed`. */
  status?: string;
  paymentRequestId?: string;
  /** Inclusive lower bound. */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
}

/**
 * Writes the rows of a payment's refunds, in one batch. A row with a higher `version` is never
 * replaced by an older one, so a late or repeated write is harmless.
 */
export async function upsertRefundIndex(
  db: D1Database,
  paymentRequestId: string,
  storeId: string,
  refunds: readonly RefundRecord[],
): Promise<void> {
  const statement = db.prepare(
    `INSERT INTO refunds (refund_request_id, payment_request_id, store_id, amount, currency, status,
       reason, result_code, created_at, updated_at, version)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
     ON CONFLICT (refund_request_id) DO UPDATE SET
       amount = excluded.amount, currency = excluded.currency, status = excluded.status,
       result_code = excluded.result_code, updated_at = excluded.updated_at,
       version = excluded.version
     WHERE excluded.version > refunds.version`,
  );
  await db.batch(
    refunds.map((refund) => {
      const view = toRefundView(refund);
      return statement.bind(
        refund.refundRequestId,
        paymentRequestId,
        storeId,
        view.amount.value,
        view.amount.currency,
        view.status,
        refund.reason,
        refund.resultCode,
        view.createdAt ?? "",
        view.updatedAt ?? "",
        refund.version,
      );
    }),
  );
}

interface RefundRow {
  refund_request_id: string;
  payment_request_id: string;
  store_id: string;
  amount: string;
  currency: string;
  status: string;
  reason: string | null;
  result_code: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const COLUMNS =
  "refund_request_id, payment_request_id, store_id, amount, currency, status, reason, result_code, created_at, updated_at, version";

function indexFor(filter: RefundListFilter): string {
  if (filter.paymentRequestId !== undefined) return "refunds_by_payment";
  if (filter.storeId !== undefined) {
    return filter.status === undefined ? "refunds_by_store" : "refunds_by_store_status";
  }
  return filter.status === undefined ? "refunds_by_created" : "refunds_by_status";
}

async function selectRefunds(
  db: D1Database,
  filter: RefundListFilter,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<RefundRow[]> {
  const equal: [string, string][] = [];
  if (filter.paymentRequestId !== undefined) {
    equal.push(["payment_request_id", filter.paymentRequestId]);
  }
  if (filter.storeId !== undefined) equal.push(["store_id", filter.storeId]);
  if (filter.status !== undefined) equal.push(["status", filter.status]);
  const { sql, params } = keysetQuery(COLUMNS, {
    table: "refunds",
    index: indexFor(filter),
    idColumn: "refund_request_id",
    equal,
    from: filter.from,
    to: filter.to,
    after,
    limit,
  });
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<RefundRow>();
  return results;
}

function itemOf(row: RefundRow): RefundListItem {
  return {
    refundRequestId: row.refund_request_id,
    status: row.status as RefundListItem["status"],
    amount: { currency: row.currency, value: row.amount },
    reason: row.reason,
    resultCode: row.result_code,
    paymentRequestId: row.payment_request_id,
    storeId: row.store_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const refundCursor = (cursor: { createdAt: string; paymentRequestId: string }) => ({
  createdAt: cursor.createdAt,
  id: cursor.paymentRequestId,
});

/** Reads one page of refunds, newest first; `cursor` is the previous page's `nextCursor`. */
export async function listRefunds(
  db: D1Database,
  filter: RefundListFilter,
  cursor: string | null,
  limit: number,
): Promise<RefundPage> {
  const rows = await selectRefunds(
    db,
    filter,
    cursor === null ? null : refundCursor(decodeCursor(cursor)),
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    refunds: page.map(itemOf),
    nextCursor:
      rows.length > limit && last !== undefined
        ? // The cursor's second field holds the row's id, here a refund's.
          encodeCursor({ createdAt: last.created_at, paymentRequestId: last.refund_request_id })
        : null,
  };
}

/** Column names of the refund export, in order. */
export const refundCsvColumns = [
  "refundRequestId",
  "paymentRequestId",
  "storeId",
  "status",
  "currency",
  "amountValue",
  "reason",
  "resultCode",
  "createdAt",
  "updatedAt",
] as const;

/** Rows the export reads per query. */
const CSV_PAGE_SIZE = 500;

/**
 * Streams every refund that matches `filter` as CSV (amounts in minor units), newest first, one
 * page per pull (keyset cursor), so a large export never sits in memory.
 */
export function exportRefundsCsv(db: D1Database, filter: RefundListFilter): ReadableStream {
  const encoder = new TextEncoder();
  let after: { createdAt: string; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(refundCsvColumns)));
        return;
      }
      const rows = await selectRefunds(db, filter, after, CSV_PAGE_SIZE + 1);
      const page = rows.slice(0, CSV_PAGE_SIZE);
      let text = "";
      for (const row of page) {
        text += csvLine([
          row.refund_request_id,
          row.payment_request_id,
          row.store_id,
          row.status,
          row.currency,
          row.amount,
          row.reason,
          row.result_code,
          row.created_at,
          row.updated_at,
        ]);
      }
      if (text !== "") controller.enqueue(encoder.encode(text));
      const last = page.at(-1);
      if (rows.length <= CSV_PAGE_SIZE || last === undefined) {
        controller.close();
        return;
      }
      after = { createdAt: last.created_at, id: last.refund_request_id };
    },
  });
}
