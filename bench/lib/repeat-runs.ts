/**
 * `npm run bench -- --repeat N …`: runs the same selection N times, one after another, each in a
 * fresh Node process exactly as CI runs it (no JIT state, module cache or warm stack carried from
 * one run to the next), then prints each judged figure's spread (bench/lib/repeat-spread.ts).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  COULD_NOT_RUN,
  formatSpread,
  summarizeSpread,
  type VerdictRecord,
} from "./repeat-spread.ts";

/** Options of {@link runRepeated}. */
export interface RepeatOptions {
  /** bench/run.ts. */
  script: string;
  /** Its arguments for one run (`--short` and the benchmarks' names). */
  args: readonly string[];
  times: number;
}

function runOnce(script: string, args: readonly string[], report: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, script, ...args, "--report", report],
      {
        stdio: "inherit",
      },
    );
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

function readRecords(file: string): VerdictRecord[] | undefined {
  try {
    const records = JSON.parse(readFileSync(file, "utf8")) as VerdictRecord[];
    // JSON has no NaN: a figure that could not be measured comes back as null.
    return records.map((r) => ({
      ...r,
      value: typeof r.value === "number" ? r.value : Number.NaN,
    }));
  } catch {
    return undefined;
  }
}

/**
 * Runs the selection `times` times and prints the spread; returns the exit code: 0 when every
 * figure passed in every run.
 */
export async function runRepeated({ script, args, times }: RepeatOptions): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "ams-edge-bench-"));
  const runs: VerdictRecord[][] = [];
  const started = performance.now();
  try {
    for (let i = 1; i <= times; i += 1) {
      console.log(`\n######## run ${i} of ${times}: ${args.join(" ") || "every benchmark"}`);
      const report = join(dir, `run-${i}.json`);
      const code = await runOnce(script, args, report);
      const records = readRecords(report);
      // A run that ended without its report (killed, out of memory) failed as a whole.
      runs.push(
        records ?? [
          {
            bench: "run",
            figure: `${COULD_NOT_RUN} (exit ${code})`,
            value: Number.NaN,
            pass: false,
            digits: 0,
            unit: "",
          },
        ],
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const spreads = summarizeSpread(runs);
  const allPassed = runs.filter((records) => records.every((r) => r.pass)).length;
  console.log(
    `\n### spread over ${times} runs (${((performance.now() - started) / 1000).toFixed(0)} s): lowest–highest value, runs passed`,
  );
  for (const spread of spreads) console.log(formatSpread(spread));
  const passed = spreads.reduce((sum, s) => sum + s.passed, 0);
  const failed = spreads.reduce((sum, s) => sum + s.runs - s.passed, 0);
  console.log(`runs with every figure passed: ${allPassed} of ${times}`);
  console.log(`bench: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
