/**
 * Runs the conformance suites in whatever runtime executes this file (Deno or Bun, started with
 * `--conditions=@ams-edge/source`) and prints one line: `CONFORMANCE <json>` with the crypto
 * provider that `#crypto-provider` picked and each case's outcome. The runtime test entries start
 * it as a child process because neither `deno test` nor `bun test` can be given a custom export
 * condition from inside a test file or a config file below the repository root.
 */
import * as core from "@ams-edge/core";
import { keySuite } from "../conformance/key-suite.ts";
import { vectorSuite } from "../conformance/vector-suite.ts";

/** One case's outcome: `error` is `null` when it passed. */
export interface CaseOutcome {
  name: string;
  error: string | null;
}

/** What the runner prints after `CONFORMANCE `. */
export interface ConformanceReport {
  cryptoRuntime: string;
  outcomes: CaseOutcome[];
}

const outcomes: CaseOutcome[] = [];
for (const c of [...vectorSuite(core), ...keySuite(core)]) {
  try {
    await c.run();
    outcomes.push({ name: c.name, error: null });
  } catch (error) {
    outcomes.push({ name: c.name, error: error instanceof Error ? error.message : String(error) });
  }
}
const report: ConformanceReport = { cryptoRuntime: core.cryptoRuntime, outcomes };
console.log(`CONFORMANCE ${JSON.stringify(report)}`);
