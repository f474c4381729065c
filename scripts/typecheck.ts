/**
 * `npm run typecheck`: type-checks every TypeScript project of the repository with its own
 * tsconfig (the packages differ in their globals: Node, workerd, DOM). Ends with
 * `typecheck: N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const projects = [
  "tsconfig.json",
  "packages/worker/tsconfig.json",
  "packages/react-hooks/tsconfig.json",
  "examples/storefront/tsconfig.json",
  "test/sandbox-workerd/tsconfig.json",
  "test/browser/tsconfig.json",
  "test/soak/tsconfig.json",
  "test/react18/tsconfig.json",
];

let passed = 0;
let failed = 0;
for (const project of projects) {
  if (!existsSync(join(root, project))) {
    console.log(`FAIL  ${project}: missing`);
    failed += 1;
    continue;
  }
  const result = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", project, "--noEmit"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status === 0) {
    passed += 1;
    console.log(`PASS  ${project}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${project}\n${result.stdout}${result.stderr}`);
  }
}
console.log(`typecheck: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
