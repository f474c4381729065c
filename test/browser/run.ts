/**
 * The browser suite as one command: `npx node test/browser/run.ts` (the "browser" step of
 * `npm test`). Runs the Vitest project in vitest.browser.config.ts (the storefront end to end, a
 * Vite + React app built from the packed hooks, and the core vectors in Chromium) and ends with
 * one line: `browser: N passed, N failed[, N skipped]`.
 * Arguments are passed on to Vitest (e.g. a file filter).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_PATH } from "./chromium.ts";

const root = join(import.meta.dirname, "..", "..");
const reportDir = join(root, "test-results", "browser");
const reportFile = join(reportDir, "vitest-report.json");

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

function summary(code: number): string {
  if (!existsSync(reportFile)) return "browser: 0 passed, 1 failed";
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestJsonReport;
  // A file that fails to load (e.g. Chromium would not start) has no failed tests of its own: it
  // counts as one. (numFailedTestSuites would also count each describe block around a failure.)
  const brokenFiles = report.testResults.filter(
    (file) =>
      file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  let failed = report.numFailedTests + brokenFiles;
  if (code !== 0 && failed === 0) failed = 1;
  const skipped = report.numPendingTests + report.numTodoTests;
  return `browser: ${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `browser suite: ${CHROMIUM_PATH} is missing; install it with: apt-get update && apt-get install -y chromium`,
    );
    console.log("browser: 0 passed, 1 failed");
    return 1;
  }
  mkdirSync(reportDir, { recursive: true });
  rmSync(reportFile, { force: true });
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const args = [
    vitest,
    "run",
    "--config",
    join(import.meta.dirname, "vitest.browser.config.ts"),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(127));
    child.on("close", (c) => resolve(c ?? 1));
  });
  console.log(summary(code));
  return code;
}

process.exitCode = await main();
