import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../src/payment-index/list-cursor.ts";
import { listQuery, type PaymentListFilter } from "../src/payment-index/list-query.ts";
import {
  CSV_PAGE_SIZE,
  exportPaymentsCsv,
  upsertPaymentIndex,
} from "../src/payment-index/payment-index.ts";
import type { PaymentView } from "../src/payment-object/payment-view.ts";
import { merchant } from "./helpers/worker-http.ts";

const STORES = ["north", "south", "east"] as const;
const STATUSES = ["succeeded", "expired", "cancelled", "failed"] as const;

/** Payment `i` of a seeded index: every third pair shares its creation time with the next. */
function seedView(i: number): PaymentView {
  const second = i - (i % 2 === 1 && i % 3 === 0 ? 1 : 0);
  const createdAt = new Date(Date.UTC(2026, 10, 1) + second * 1000).toISOString();
  const id = `oc${String(i).padStart(32, "0")}`;
  return {
    paymentRequestId: id,
    paymentId: i % 5 === 0 ? null : `2026${String(i).padStart(8, "0")}`,
    scenario: i % 4 === 0 ? "EntryCode" : "OrderCode",
    status: STATUSES[i % STATUSES.length] ?? "succeeded",
    amount: { currency: "USD", value: String(100 + i) },
    description: i % 7 === 0 ? `Order ${i}, "to go"` : `Order ${i}`,
    storeId: STORES[i % STORES.length] ?? "north",
    code: null,
    redirectUrl: null,
    resultCode: i % 4 === 0 ? "SUCCESS" : null,
    refunded: { currency: "USD", value: "0" },
    createdAt,
    updatedAt: createdAt,
    expiresAt: createdAt,
    version: 1,
  };
}

async function seed(count: number): Promise<PaymentView[]> {
  const views = Array.from({ length: count }, (_, i) => seedView(i));
  for (const view of views) {
    await upsertPaymentIndex(env.DB, view, {
      referenceOrderId: view.paymentId === null ? null : `R-${view.paymentRequestId.slice(-4)}`,
      refundedValue: "0",
    });
  }
  return views;
}

/** Newest first, ties by id, as the index orders them. */
function newestFirst(views: readonly PaymentView[]): PaymentView[] {
  return [...views].sort((a, b) =>
    a.createdAt === b.createdAt
      ? b.paymentRequestId.localeCompare(a.paymentRequestId)
      : b.createdAt.localeCompare(a.createdAt),
  );
}

/** The CSV line of a seeded payment, written out here rather than with the export's own helper. */
function expectedLine(view: PaymentView): string {
  const description = view.description.includes('"')
    ? `"${view.description.replaceAll('"', '""')}"`
    : view.description;
  return [
    view.paymentRequestId,
    view.paymentId ?? "",
    view.scenario,
    view.storeId,
    view.status,
    "USD",
    view.amount.value,
    "0",
    description,
    view.paymentId === null ? "" : `R-${view.paymentRequestId.slice(-4)}`,
    view.resultCode ?? "",
    view.createdAt,
    view.updatedAt,
    view.expiresAt,
  ].join(",");
}

async function listAll(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const path: string = `/api/payments?limit=${limit}${query}${cursor === null ? "" : `&cursor=${cursor}`}`;
    const response = await merchant(path);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      payments: PaymentView[];
      nextCursor: string | null;
    };
    ids.push(...page.payments.map((p) => p.paymentRequestId));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("the list did not end");
}

describe("the CSV export", () => {
  it("pulls the index page after page, one chunk per page", async () => {
    await seed(2 * CSV_PAGE_SIZE + 37);
    const reader = exportPaymentsCsv(env.DB, {}).getReader();
    const decoder = new TextDecoder();
    const lines: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      lines.push(decoder.decode(read.value).split("\r\n").length - 1);
    }
    // The header, then each page as it is read: nothing waits for the whole table.
    expect(lines).toStrictEqual([1, CSV_PAGE_SIZE, CSV_PAGE_SIZE, 37]);
  });

  it("sends more rows than one page, each once, newest first", async () => {
    const views = await seed(2 * CSV_PAGE_SIZE + 37);
    const response = await merchant("/api/payments/export.csv");
    expect(response.status).toBe(200);
    const lines = (await response.text()).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1)).toStrictEqual(newestFirst(views).map(expectedLine));
  });

  it("exports only the rows a filter selects", async () => {
    const views = await seed(2 * CSV_PAGE_SIZE + 300);
    const from = views[100]?.createdAt ?? "";
    const to = views[1200]?.createdAt ?? "";
    const response = await merchant(
      `/api/payments/export.csv?storeId=south&status=expired&from=${from}&to=${to}`,
    );
    const lines = (await response.text()).split("\r\n").slice(1, -1);
    const expected = newestFirst(
      views.filter(
        (v) =>
          v.storeId === "south" &&
          v.status === "expired" &&
          v.createdAt >= from &&
          v.createdAt < to,
      ),
    );
    // South (i % 3 = 1) and expired (i % 4 = 1): i = 109, 121, ... 1189.
    expect(expected.length).toBe(91);
    expect(lines).toStrictEqual(expected.map(expectedLine));
  });

  it("sends only the header for an empty index", async () => {
    const response = await merchant("/api/payments/export.csv?storeId=nowhere");
    expect(await response.text()).toBe(
      "paymentRequestId,paymentId,scenario,storeId,status,currency,amountValue,refundedValue,description,referenceOrderId,resultCode,createdAt,updatedAt,expiresAt\r\n",
    );
  });
});

describe("GET /api/payments over many pages", () => {
  it("pages through every filter combination, each payment once, newest first", async () => {
    const views = await seed(600);
    const from = views[50]?.createdAt ?? "";
    const to = views[540]?.createdAt ?? "";
    const cases: [string, (v: PaymentView) => boolean][] = [
      ["", () => true],
      ["&storeId=east", (v) => v.storeId === "east"],
      ["&status=failed", (v) => v.status === "failed"],
      ["&storeId=north&status=succeeded", (v) => v.storeId === "north" && v.status === "succeeded"],
      [`&from=${from}&to=${to}`, (v) => v.createdAt >= from && v.createdAt < to],
      [
        `&storeId=east&status=cancelled&from=${from}&to=${to}`,
        (v) =>
          v.storeId === "east" &&
          v.status === "cancelled" &&
          v.createdAt >= from &&
          v.createdAt < to,
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = newestFirst(views.filter(keep)).map((v) => v.paymentRequestId);
      expect(expected.length).toBeGreaterThan(0);
      expect({ query, ids: await listAll(query, 7) }).toStrictEqual({ query, ids: expected });
    }
  });

  it("keeps `to` when a cursor points past it", async () => {
    const views = await seed(40);
    const to = views[20]?.createdAt ?? "";
    const last = views[39];
    if (last === undefined) throw new Error("seed");
    // A cursor after `to` (the newest row): rows between `to` and the cursor stay out.
    const cursor = encodeCursor({ createdAt: last.createdAt, paymentRequestId: "oc~" });
    const response = await merchant(`/api/payments?limit=5&to=${to}&cursor=${cursor}`);
    const page = (await response.json()) as { payments: PaymentView[] };
    expect(page.payments.map((p) => p.paymentRequestId)).toStrictEqual(
      newestFirst(views.filter((v) => v.createdAt < to))
        .slice(0, 5)
        .map((v) => v.paymentRequestId),
    );
  });
});

describe("query plans", () => {
  const cursor = { createdAt: "2026-11-02T00:00:00.000Z", paymentRequestId: "oc1" };
  const from = "2026-11-01T00:00:00.000Z";
  const to = "2026-11-03T00:00:00.000Z";
  const plans: [PaymentListFilter, typeof cursor | null, string][] = [
    [{}, null, "SCAN payments USING INDEX payments_by_created"],
    [
      {},
      cursor,
      "SEARCH payments USING INDEX payments_by_created ((created_at,payment_request_id)<(?,?))",
    ],
    [
      { from, to },
      cursor,
      "SEARCH payments USING INDEX payments_by_created (created_at>? AND (created_at,payment_request_id)<(?,?))",
    ],
    [
      { storeId: "s" },
      cursor,
      "SEARCH payments USING INDEX payments_by_store (store_id=? AND (created_at,payment_request_id)<(?,?))",
    ],
    [
      { status: "succeeded", from },
      cursor,
      "SEARCH payments USING INDEX payments_by_status (status=? AND created_at>? AND (created_at,payment_request_id)<(?,?))",
    ],
    [
      { storeId: "s", status: "succeeded", from, to },
      null,
      "SEARCH payments USING INDEX payments_by_store_status (store_id=? AND status=? AND created_at>? AND created_at<?)",
    ],
    [
      { storeId: "s", status: "succeeded", from, to },
      cursor,
      "SEARCH payments USING INDEX payments_by_store_status (store_id=? AND status=? AND created_at>? AND (created_at,payment_request_id)<(?,?))",
    ],
  ];

  it("reads one range of an index for every filter, newest first, with no sort", async () => {
    for (const [filter, after, plan] of plans) {
      const { sql, params } = listQuery("*", filter, after, 51);
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      expect({ filter, after, plan: results.map((r) => r.detail) }).toStrictEqual({
        filter,
        after,
        plan: [plan],
      });
    }
  });
});
