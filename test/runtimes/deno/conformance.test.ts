/**
 * The conformance suites in Deno. `deno test` cannot be given the repository's
 * `@ams-edge/source` export condition from a file (it reads `--conditions` / `DENO_CONDITIONS`
 * only), and without it `#crypto-provider` resolves to the unbuilt `dist/`. So this entry runs
 * `../run-suites.ts` in a child Deno with the condition and turns each reported case into a test.
 */
const runner = new URL("../run-suites.ts", import.meta.url).pathname;
const child = await new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", "--conditions=@ams-edge/source", runner],
  stdout: "piped",
  stderr: "piped",
}).output();
const stdout = new TextDecoder().decode(child.stdout);
const line = stdout.split("\n").find((l) => l.startsWith("CONFORMANCE "));
const report: { cryptoRuntime: string; outcomes: { name: string; error: string | null }[] } =
  line === undefined
    ? { cryptoRuntime: "none", outcomes: [] }
    : JSON.parse(line.slice("CONFORMANCE ".length));

Deno.test("the runner finished and reported every case", () => {
  if (!child.success || line === undefined || report.outcomes.length < 150) {
    throw new Error(`exit ${child.code}\n${stdout}\n${new TextDecoder().decode(child.stderr)}`);
  }
});

// Deno resolves package.json conditions with "deno", "node", "import", "default": the node:crypto
// provider is the one a Deno user of the package gets.
Deno.test('crypto provider is "node"', () => {
  if (report.cryptoRuntime !== "node") throw new Error(`got "${report.cryptoRuntime}"`);
});

for (const outcome of report.outcomes) {
  Deno.test(outcome.name, () => {
    if (outcome.error !== null) throw new Error(outcome.error);
  });
}
