/** Builds examples/storefront into its dist/ folder (what the Worker serves) with Vite. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/lib/local-stack.ts";

/** Runs `vite build` for the storefront; throws with Vite's output when it fails. */
export function buildStorefront(): void {
  const storefront = join(repositoryRoot, "examples", "storefront");
  const vite = join(repositoryRoot, "node_modules", "vite", "bin", "vite.js");
  // process.execPath: the Node running this suite (24), not whatever `node` is on PATH.
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: storefront,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0 || !existsSync(join(storefront, "dist", "index.html"))) {
    throw new Error(
      `the storefront build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}
