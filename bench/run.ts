/**
 * `npm run bench`: runs every `bench/*.bench.ts` module in one process, one after the other, and
 * prints each one's table. Figures are only compared within one run (side by side), never against
 * numbers from another day or machine.
 *
 * `npm run bench -- signature client` runs only the named benchmarks.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.ts$/, "")))
  .sort();

let failures = 0;
for (const file of files) {
  console.log(`\n### ${file.replace(/\.bench\.ts$/, "")}`);
  const mod = (await import(join(here, file))) as { default: () => Promise<boolean | undefined> };
  const ok = await mod.default();
  if (ok === false) failures += 1;
}
if (failures > 0) {
  console.log(`\n${failures} benchmark(s) below target`);
  process.exitCode = 1;
}
