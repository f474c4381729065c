/**
 * Rows for the Worker's D1 payment index, written straight into the local D1 SQLite file that
 * `wrangler dev --persist-to` keeps (WAL mode: the running Worker sees each commit at its next
 * query). One deterministic set of 100,000 payments over 90 days; every 100th of them makes the
 * 1,000-payment set, so both sizes have the same spread of stores, statuses and times.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseSync } from "node:sqlite";

/** The size the index grows to. */
export const LARGE = 100_000;
/** The size it is compared with: every `LARGE / SMALL`-th payment of the large set. */
export const SMALL = 1_000;
/** Creation times fall in the 90 days before this instant. */
export const SEED_END = Date.UTC(2026, 11, 1);
const SPAN_MS = 90 * 24 * 3600 * 1000;

/** 20 stores, from a busy flagship down to small kiosks (weights ∝ 1 / rank^0.8). */
export const STORES = Array.from({ length: 20 }, (_, k) => ({
  id: `store-${String(k + 1).padStart(2, "0")}`,
  weight: 1 / (k + 1) ** 0.8,
}));

/** Final states dominate an index: most codes are paid, some expire or are cancelled. */
const STATUSES: readonly [string, number][] = [
  ["succeeded", 0.72],
  ["expired", 0.12],
  ["cancelled", 0.07],
  ["failed", 0.05],
  ["awaiting_payment", 0.02],
  ["reversed", 0.01],
  ["mismatch", 0.005],
  ["creating", 0.005],
];

const DESCRIPTIONS = [
  "Two flat whites",
  "Lunch set, table 4",
  'Cake, "large"',
  "Bubble tea x3",
  "Newspaper and gum",
  "Dim sum for two",
];

/** mulberry32: a small seeded generator, so every run writes the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly (readonly [T, number])[], r: number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let left = r * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new TypeError("pick: no items");
  return last[0];
}

const hex = (r: () => number, digits: number) =>
  Array.from({ length: digits }, () => Math.floor(r() * 16).toString(16)).join("");

/** The index row of payment `i` (0 ≤ i < LARGE), in the column order of the payments table. */
export function seedRow(i: number): (string | number | null)[] {
  const r = random(i * 2654435761 + 17);
  const storeId = pick(
    STORES.map((s) => [s.id, s.weight] as const),
    r(),
  );
  const status = pick(STATUSES, r());
  const scenario = r() < 0.7 ? "OrderCode" : "EntryCode";
  const created = SEED_END - Math.floor(r() * SPAN_MS);
  const createdAt = new Date(created).toISOString();
  const updatedAt = new Date(created + 1000 + Math.floor(r() * 60_000)).toISOString();
  const expiresAt = new Date(created + 300_000).toISOString();
  const id = `${scenario === "OrderCode" ? "oc" : "ec"}${hex(r, 32)}`;
  const paymentId = status === "creating" ? null : `2026${hex(r, 24).replace(/[a-f]/g, "7")}`;
  const value = String(100 + Math.floor(r() * 50_000));
  const refunded = status === "succeeded" && r() < 0.03 ? value : "0";
  const description = DESCRIPTIONS[Math.floor(r() * DESCRIPTIONS.length)] ?? "Order";
  const referenceOrderId = r() < 0.5 ? `POS-${i}` : null;
  const resultCode =
    status === "succeeded" ? "SUCCESS" : status === "failed" ? "USER_BALANCE_NOT_ENOUGH" : null;
  const view = {
    paymentRequestId: id,
    paymentId,
    scenario,
    status,
    amount: { currency: "USD", value },
    description,
    storeId,
    code:
      scenario === "OrderCode"
        ? { value: `https://qr.alipay.com/bax0${hex(r, 20)}`, type: "QRCODE", expiresAt }
        : null,
    redirectUrl:
      scenario === "EntryCode" ? `https://render.alipay.com/p/s/ulink/?scheme=${hex(r, 24)}` : null,
    resultCode,
    refunded: { currency: "USD", value: refunded },
    createdAt,
    updatedAt,
    expiresAt,
    version: 3,
  };
  return [
    id,
    paymentId,
    scenario,
    storeId,
    status,
    "USD",
    value,
    refunded,
    description,
    referenceOrderId,
    resultCode,
    createdAt,
    updatedAt,
    expiresAt,
    3,
    JSON.stringify(view),
  ];
}

/** The one local D1 database under a `--persist-to` folder that holds the payments table. */
export async function openLocalIndex(stateDir: string): Promise<DatabaseSync> {
  const { DatabaseSync } = await import("node:sqlite");
  const dir = join(stateDir, "v3", "d1", "miniflare-D1DatabaseObject");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".sqlite"))) {
    const db = new DatabaseSync(join(dir, name));
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'payments'")
      .get();
    if (table !== undefined) return db;
    db.close();
  }
  throw new Error(
    `no local D1 database with a payments table under ${dir}; expected the migrations applied by the local stack`,
  );
}

/** Inserts the payments `i` of `[0, LARGE)` that `keep` selects, in one transaction. */
export function insertSeedRows(db: DatabaseSync, keep: (i: number) => boolean): number {
  const insert = db.prepare(
    `INSERT INTO payments (payment_request_id, payment_id, scenario, store_id, status, currency,
       amount_value, refunded_value, description, reference_order_id, result_code, created_at,
       updated_at, expires_at, version, view)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let count = 0;
  db.exec("BEGIN");
  try {
    for (let i = 0; i < LARGE; i += 1) {
      if (!keep(i)) continue;
      insert.run(...seedRow(i));
      count += 1;
    }
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
  // Fold the WAL into the database, so the Worker does not read through a large log.
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return count;
}

/** Is payment `i` one of the small set? */
export const inSmallSet = (i: number) => i % (LARGE / SMALL) === 0;

/** The row at list position `index` (0 = newest) of the whole index, as a cursor's parts. */
export function rowAt(
  db: DatabaseSync,
  index: number,
): { createdAt: string; paymentRequestId: string } {
  const row = db
    .prepare(
      `SELECT created_at AS createdAt, payment_request_id AS paymentRequestId FROM payments
       ORDER BY created_at DESC, payment_request_id DESC LIMIT 1 OFFSET ?`,
    )
    .get(index);
  if (row === undefined || typeof row.createdAt !== "string") {
    throw new Error(`the index has no row at position ${index}`);
  }
  return { createdAt: row.createdAt, paymentRequestId: String(row.paymentRequestId) };
}
