/**
 * The SQLite files of the local D1 databases that `wrangler dev --persist-to` keeps, for reading
 * the Worker's tables straight from disk (read-only, with `node:sqlite`): the Worker has no route
 * that lists them, and a second wrangler process would cost seconds.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** The SQLite files of local D1 databases under a `--persist-to` folder. */
export function localD1Files(stateDir: string): string[] {
  const dir = join(stateDir, "v3", "d1", "miniflare-D1DatabaseObject");
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".sqlite"))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Why no local database answered: the layout this expects. */
export function noLocalTable(table: string, stateDir: string): Error {
  return new Error(
    `no local D1 database with a ${table} table under ${stateDir}; expected the layout of wrangler dev --persist-to (v3/d1/miniflare-D1DatabaseObject/*.sqlite)`,
  );
}
