/**
 * `npm run bench`: runs every `bench/*.bench.ts` module in one process, one after the other,
 * prints each one's table, then judges its figures against their targets (bench/lib/targets.ts).
 * Figures are only compared within one run (side by side), never against numbers from another
 * day or machine.
 *
 * `npm run bench -- signature client` runs only the named benchmarks. `--short` runs each with
 * few samples and allows each figure its written noise margin: the `bench` step of `npm test`.
 * Ends with one line `bench: N passed, N failed` (a benchmark that throws is one failure).
 *
 * `--repeat N` runs the same selection N times, each in a fresh process as CI runs it, then
 * prints each judged figure's spread: lowest and highest value, and in how many runs it passed
 * (bench/lib/repeat-runs.ts). `--report <file>` writes a run's verdicts as JSON for that summary.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runRepeated } from "./lib/repeat-runs.ts";
import { COULD_NOT_RUN, type VerdictRecord, verdictRecords } from "./lib/repeat-spread.ts";
import { type Benchmark, formatVerdict, judge } from "./lib/targets.ts";

const here = import.meta.dirname;
const { values, positionals } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    repeat: { type: "string" },
    report: { type: "string" },
  },
  allowPositionals: true,
});
const short = values.short === true;
const available = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""))
  .sort();
const unknown = positionals.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(", ")}; there are: ${available.join(", ")}.`);
  process.exit(2);
}
/** Too long for the `bench` step of `npm test`: full runs only. */
const fullRunsOnly = ["growth"];
const names = (
  positionals.length === 0 ? available : available.filter((n) => positionals.includes(n))
).filter((name) => {
  if (!short || !fullRunsOnly.includes(name)) return true;
  console.log(`\n### ${name}: skipped in a short run; it runs in full runs only (npm run bench)`);
  return false;
});
if (values.repeat !== undefined) {
  const times = Number(values.repeat);
  if (!Number.isInteger(times) || times < 1) {
    console.error(`--repeat takes a whole number of runs, at least 1; got ${values.repeat}.`);
    process.exit(2);
  }
  if (names.length === 0) {
    console.error("--repeat: no benchmark left to run.");
    process.exit(2);
  }
  const script = join(here, "run.ts");
  process.exitCode = await runRepeated({
    script,
    args: [...(short ? ["--short"] : []), ...names],
    times,
  });
  process.exit();
}
const records: VerdictRecord[] = [];

let passed = 0;
let failed = 0;
const summary: string[] = [];
for (const name of names) {
  console.log(`\n### ${name}${short ? " (short run)" : ""}`);
  const started = performance.now();
  try {
    const mod = (await import(join(here, `${name}.bench.ts`))) as { default: Benchmark };
    const verdicts = (await mod.default({ short })).map((m) => judge(m, short));
    records.push(...verdictRecords(name, verdicts));
    console.log("");
    for (const verdict of verdicts) {
      const line = formatVerdict(verdict, short);
      console.log(line);
      summary.push(`${name.padEnd(12)} ${line}`);
      if (verdict.pass) passed += 1;
      else failed += 1;
    }
  } catch (error) {
    failed += 1;
    records.push({
      bench: name,
      figure: COULD_NOT_RUN,
      value: Number.NaN,
      pass: false,
      digits: 0,
      unit: "",
    });
    const line = `FAIL  the benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    console.log(line);
    summary.push(`${name.padEnd(12)} ${line.split("\n")[0]}`);
  }
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(
  `\n### summary${short ? " (short run: each figure may miss its limit by its noise margin)" : ""}`,
);
for (const line of summary) console.log(line);
console.log(`bench: ${passed} passed, ${failed} failed`);
if (values.report !== undefined) writeFileSync(values.report, JSON.stringify(records));
process.exitCode = failed > 0 ? 1 : 0;
