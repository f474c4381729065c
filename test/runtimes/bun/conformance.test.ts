/**
 * The conformance suites in Bun. `bun test` takes `--conditions` only on its own command line
 * (not from a test file, and bunfig.toml is read from the working directory only), and without
 * the repository's `@ams-edge/source` condition `#crypto-provider` resolves to the unbuilt
 * `dist/`. So this entry runs `../run-suites.ts` in a child Bun with the condition and turns each
 * reported case into a test.
 */
import { expect, test } from "bun:test";

const runner = new URL("../run-suites.ts", import.meta.url).pathname;
const child = Bun.spawnSync([process.execPath, "--conditions=@ams-edge/source", runner]);
const stdout = child.stdout.toString();
const line = stdout.split("\n").find((l) => l.startsWith("CONFORMANCE "));
const report: { cryptoRuntime: string; outcomes: { name: string; error: string | null }[] } =
  line === undefined
    ? { cryptoRuntime: "none", outcomes: [] }
    : JSON.parse(line.slice("CONFORMANCE ".length));

test("the runner finished and reported every case", () => {
  if (!child.success || line === undefined || report.outcomes.length < 150) {
    throw new Error(`exit ${child.exitCode}\n${stdout}\n${child.stderr.toString()}`);
  }
});

// Bun resolves package.json conditions with "bun", "node", "import", "default": the node:crypto
// provider is the one a Bun user of the package gets.
test('crypto provider is "node"', () => {
  expect(report.cryptoRuntime).toBe("node");
});

for (const outcome of report.outcomes) {
  test(outcome.name, () => {
    expect(outcome.error).toBeNull();
  });
}
