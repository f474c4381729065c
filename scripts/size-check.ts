/**
 * Size budgets: each entry is bundled the way an application would bundle it (esbuild, browser
 * platform, tree-shaken, minified), gzipped, and compared with its limit. The Worker is measured
 * from `wrangler deploy --dry-run`, which is exactly what Cloudflare would receive.
 *
 * Prints one row per budget and ends with `size: N passed, N failed`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";
import { ensureAssetsDirectory } from "./lib/ensure-assets.ts";

const root = join(import.meta.dirname, "..");

interface Budget {
  name: string;
  /** The target size. */
  limitBytes: number;
  /**
   * Only where the target is not met yet: the size the check enforces meanwhile (today's size plus
   * a little), so that the gap can only shrink. Each row prints the target and whether it is met.
   */
  ceilingBytes?: number;
  measure: () => Promise<number>;
}

const esbuildBase: BuildOptions & { write: false } = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  conditions: ["@ams-edge/source"],
  write: false,
  logLevel: "silent",
};

/** Names that `specifier` really exports (a named re-export of a missing name bundles silently). */
async function exportedNames(specifier: string, external: string[]): Promise<string[]> {
  const result = await build({
    ...esbuildBase,
    stdin: { contents: `export * from "${specifier}";`, resolveDir: root, loader: "ts" },
    external,
    metafile: true,
    outdir: "out",
  });
  return Object.values(result.metafile?.outputs ?? {}).flatMap((o) => o.exports);
}

/** Bundles `names` from `specifier` as an application would, and returns the gzipped size. */
async function bundledGzip(
  specifier: string,
  names: string[],
  external: string[] = [],
): Promise<number> {
  const available = await exportedNames(specifier, external);
  const missing = names.filter((name) => !available.includes(name));
  if (missing.length > 0) throw new Error(`${specifier} does not export ${missing.join(", ")}`);
  const result = await build({
    ...esbuildBase,
    stdin: {
      contents: `export { ${names.join(", ")} } from "${specifier}";`,
      resolveDir: root,
      loader: "ts",
    },
    minify: true,
    external,
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error("esbuild produced no output");
  return gzipSync(code, { level: 9 }).byteLength;
}

function workerDryRunGzip(): number {
  const out = mkdtempSync(join(tmpdir(), "ams-edge-worker-size-"));
  try {
    execFileSync(
      join(root, "node_modules", ".bin", "wrangler"),
      ["deploy", "--dry-run", "--outdir", out],
      {
        cwd: root,
        stdio: "pipe",
        env: {
          ...process.env,
          PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
          WRANGLER_SEND_METRICS: "false",
          CLOUDFLARE_CF_FETCH_ENABLED: "false",
          WRANGLER_HIDE_BANNER: "true",
        },
      },
    );
    let total = 0;
    for (const file of readdirSync(out, { recursive: true }) as string[]) {
      const path = join(out, file);
      if (statSync(path).isFile() && /\.(m?js|wasm)$/.test(file)) {
        total += gzipSync(readFileSync(path), { level: 9 }).byteLength;
      }
    }
    return total;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const hookExports = [
  "AmsProvider",
  "useOrderCodePayment",
  "usePaymentStatus",
  "useEntryCodeCheckout",
  "OrderCodeQr",
];

// What a browser takes from the contract without its schemas, as the hooks do.
const apiConstants = [
  "PAYMENT_STATUSES",
  "PAYMENT_SCENARIOS",
  "REFUND_VIEW_STATUSES",
  "WORKER_ERROR_CODES",
  "CURRENCY_PATTERN",
  "MINOR_UNITS_PATTERN",
  "TIME_PATTERN",
];

const KB = 1024;
const budgets: Budget[] = [
  {
    name: "@ams-edge/core verify-only (importPublicKey, verifySignature)",
    limitBytes: 4 * KB,
    measure: () => bundledGzip("@ams-edge/core", ["importPublicKey", "verifySignature"]),
  },
  {
    name: "@ams-edge/core full client (createAmsClient)",
    // ky alone is 4.9 KB of it; keys, signatures, schemas and builders another 8.8 KB. The client
    // runs server-side only, so the budget is what it needs with ky, not a browser's.
    limitBytes: 17.25 * KB,
    measure: () => bundledGzip("@ams-edge/core", ["createAmsClient"]),
  },
  {
    name: "@ams-edge/core/api, every schema and constant",
    limitBytes: 3.5 * KB,
    // valibot's object, picklist, pipe and regex are most of it.
    measure: async () =>
      bundledGzip("@ams-edge/core/api", await exportedNames("@ams-edge/core/api", [])),
  },
  {
    name: "@ams-edge/core/api constants only (no valibot)",
    // The 25 error codes are most of it; one schema would add valibot's core, over 1 KB.
    limitBytes: 0.75 * KB,
    measure: () => bundledGzip("@ams-edge/core/api", apiConstants),
  },
  {
    name: "@ams-edge/react-hooks without React and the QR encoder",
    limitBytes: 6.5 * KB,
    measure: () => bundledGzip("@ams-edge/react-hooks", hookExports, ["react", "react-dom", "uqr"]),
  },
  {
    name: "@ams-edge/react-hooks with the QR encoder, without React",
    limitBytes: 11 * KB,
    measure: () => bundledGzip("@ams-edge/react-hooks", hookExports, ["react", "react-dom"]),
  },
  {
    name: "@ams-edge/react-hooks/merchant (useRecentPayments) without React",
    // The till's list, refunds with their stored keys, cancel and inquire; the Worker client
    // inside it is shared with the main entry in a real bundle.
    limitBytes: 3 * KB,
    measure: () =>
      bundledGzip("@ams-edge/react-hooks/merchant", ["useRecentPayments"], ["react", "react-dom"]),
  },
  {
    name: "@ams-edge/worker (wrangler deploy --dry-run)",
    limitBytes: 60 * KB,
    measure: async () => workerDryRunGzip(),
  },
];

ensureAssetsDirectory(root);
let passed = 0;
let failed = 0;
const unmet: string[] = [];
for (const budget of budgets) {
  try {
    const size = await budget.measure();
    const enforced = budget.ceilingBytes ?? budget.limitBytes;
    const ok = size <= enforced;
    if (ok) passed += 1;
    else failed += 1;
    const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
    const target =
      size <= budget.limitBytes
        ? `target ${kb(budget.limitBytes)} met`
        : `TARGET ${kb(budget.limitBytes)} NOT MET, ceiling ${kb(enforced)}`;
    if (size > budget.limitBytes) unmet.push(budget.name);
    console.log(`${ok ? "PASS" : "FAIL"}  ${kb(size).padStart(9)} gz  (${target})  ${budget.name}`);
  } catch (error) {
    failed += 1;
    const message =
      error instanceof Error ? error.message.split("\n").slice(0, 6).join("\n") : String(error);
    console.log(`FAIL  could not measure ${budget.name}: ${message}`);
  }
}
if (unmet.length > 0) console.log(`targets not met yet: ${unmet.join("; ")}`);
console.log(`size: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
