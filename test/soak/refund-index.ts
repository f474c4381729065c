/**
 * The D1 refund index (`GET /api/refunds`) against the payments' own objects: once it has caught
 * up, it lists every refund the objects hold, with the same payment, status and amount, and
 * nothing else.
 */
import type { RefundListItem, RefundPage, RefundView } from "@ams-edge/core/api";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";

/** How the index compares with the objects. */
export interface RefundIndexComparison {
  /** Rows in the index. */
  readonly rows: number;
  /** Refunds the objects hold. */
  readonly refunds: number;
  /** Refunds the index does not list. */
  readonly missing: number;
  /** Rows for no refund the objects hold, or listed twice. */
  readonly extra: number;
  /** Rows whose payment, status or amount differ from the object's. */
  readonly differ: number;
}

/** True when the index and the objects agree. */
export const indexAgrees = (c: RefundIndexComparison) =>
  c.missing === 0 && c.extra === 0 && c.differ === 0 && c.rows === c.refunds;

/** Compares the index's rows with the refunds each payment's object shows. */
export function compareRefundIndex(
  rows: readonly Pick<
    RefundListItem,
    "refundRequestId" | "paymentRequestId" | "status" | "amount"
  >[],
  payments: readonly { paymentRequestId: string; refunds: readonly RefundView[] }[],
): RefundIndexComparison {
  const objects = new Map<string, { paymentRequestId: string; refund: RefundView }>();
  for (const p of payments) {
    for (const refund of p.refunds)
      objects.set(refund.refundRequestId, { paymentRequestId: p.paymentRequestId, refund });
  }
  const seen = new Set<string>();
  let extra = 0;
  let differ = 0;
  for (const row of rows) {
    const held = objects.get(row.refundRequestId);
    if (held === undefined || seen.has(row.refundRequestId)) {
      extra += 1;
      continue;
    }
    seen.add(row.refundRequestId);
    const { refund } = held;
    if (
      row.paymentRequestId !== held.paymentRequestId ||
      row.status !== refund.status ||
      row.amount.currency !== refund.amount.currency ||
      row.amount.value !== refund.amount.value
    ) {
      differ += 1;
    }
  }
  const missing = [...objects.keys()].filter((id) => !seen.has(id)).length;
  return { rows: rows.length, refunds: objects.size, missing, extra, differ };
}

/** Every row of the refund index, page after page; null when a page could not be read. */
export async function readRefundIndex(stack: Stack): Promise<RefundListItem[] | null> {
  const rows: RefundListItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await merchant(stack, `/api/refunds?limit=200${query}`);
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null;
    }
    const page = (await response.json()) as RefundPage;
    rows.push(...page.refunds);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

/**
 * Reads the index again (every half second, up to `timeoutMs`) until it agrees with the objects:
 * the objects write it after each change, at least once. Null when it could never be read.
 */
export async function waitForRefundIndex(
  stack: Stack,
  payments: readonly { paymentRequestId: string; refunds: readonly RefundView[] }[],
  timeoutMs: number,
): Promise<RefundIndexComparison | null> {
  const deadline = Date.now() + timeoutMs;
  let last: RefundIndexComparison | null = null;
  for (;;) {
    const rows = await readRefundIndex(stack);
    if (rows !== null) last = compareRefundIndex(rows, payments);
    if ((last !== null && indexAgrees(last)) || Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
