/**
 * Reads the Worker's `notifications` table (verified notifications no payment took) straight from
 * the local D1 database (bench/lib/local-d1-files.ts).
 */
import { localD1Files, noLocalTable } from "./local-d1-files.ts";

/**
 * How many rows of the `notifications` table each payment request id has, over every local D1
 * database under `stateDir` (the Worker binds one). Throws when no database holds the table.
 */
export async function countLoggedNotifications(stateDir: string): Promise<Map<string, number>> {
  const { DatabaseSync } = await import("node:sqlite");
  const counts = new Map<string, number>();
  let found = false;
  for (const file of localD1Files(stateDir)) {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const table = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notifications'")
        .get();
      if (table === undefined) continue;
      found = true;
      const rows = db
        .prepare(
          "SELECT payment_request_id AS id, COUNT(*) AS n FROM notifications GROUP BY payment_request_id",
        )
        .all();
      for (const row of rows) {
        const id = typeof row.id === "string" ? row.id : "";
        counts.set(id, (counts.get(id) ?? 0) + Number(row.n));
      }
    } finally {
      db.close();
    }
  }
  if (!found) throw noLocalTable("notifications", stateDir);
  return counts;
}
