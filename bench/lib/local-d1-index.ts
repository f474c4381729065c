/**
 * Reads the Worker's payment index (the D1 `payments` table behind the merchant's lists) straight
 * from the local D1 database (bench/lib/local-d1-files.ts), to see when it has caught up with
 * what the payments' objects acknowledged.
 */
import { localD1Files, noLocalTable } from "./local-d1-files.ts";

/** Each indexed payment's status, by payment request id. Throws when no database has the table. */
export async function readIndexStatuses(stateDir: string): Promise<Map<string, string>> {
  const { DatabaseSync } = await import("node:sqlite");
  const statuses = new Map<string, string>();
  let found = false;
  for (const file of localD1Files(stateDir)) {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const table = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'payments'")
        .get();
      if (table === undefined) continue;
      found = true;
      for (const row of db.prepare("SELECT payment_request_id AS id, status FROM payments").all()) {
        if (typeof row.id === "string" && typeof row.status === "string") {
          statuses.set(row.id, row.status);
        }
      }
    } finally {
      db.close();
    }
  }
  if (!found) throw noLocalTable("payments", stateDir);
  return statuses;
}
