/**
 * Packaging checks of the published packages (`@ams-edge/core`, `@ams-edge/react-hooks`,
 * `@ams-edge/sandbox`): the build, the files each emits and packs, `publint` and `attw` on each;
 * for core, Deno's type checker on the source and on the packed package, a TypeScript consumer of
 * the packed package, every installed Node importing the build, the crypto provider each platform
 * gets, and whether the README and the `ts` samples of `docs/*.md` agree with the code; then the
 * consumer tests of `check-packages-consumers.ts` (the three tarballs installed into a new project
 * under the OS temp folder, used from every Node found, Deno, Bun, TypeScript, Vite and the CLI).
 *
 * Packing, linting and type checks read only the repository and its node_modules; the consumer
 * project's install takes third-party packages from npm's cache, or the npm registry.
 * Prints one `PASS` / `FAIL` line per check (a failing check's output goes to stderr first) and
 * ends with `packages: N passed, N failed`; exits non-zero when any check failed.
 *
 * Run: `npx node --conditions=@ams-edge/source scripts/check-packages.ts [--skip-build]`
 */
import { spawnSync } from "node:child_process";
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import {
  BACKEND_EXAMPLES,
  CONSUMER_COMPILER_OPTIONS,
  checkCliHelp,
  checkCliRefusesOldNode,
  checkCliSandbox,
  checkExample,
  checkNodeConsumer,
  checkRuntimeConsumer,
  checkTypesConsumer,
  checkViteConsumer,
  installConsumer,
  installExample,
} from "./check-packages-consumers.ts";
import {
  checkApiNames,
  checkErrorCodes,
  checkExamplesTypes,
  errorCodes,
  exportedNames,
  readmeExamples,
  runExamples,
} from "./check-packages-readme.ts";

const root = join(import.meta.dirname, "..");
const core = join(root, "packages", "core");

/**
 * The published packages: folder, the files each tarball must hold, and fixtures it publishes on
 * purpose (the sandbox's `./test-keys` entry, keys named as test keys).
 */
const published = [
  {
    name: "@ams-edge/core",
    dir: core,
    required: [
      "package.json",
      "README.md",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/api/index.js",
      "dist/api/index.d.ts",
      "dist/crypto/provider-node.js",
      "dist/crypto/provider-web.js",
      "dist/crypto/provider-web.d.ts",
    ],
  },
  {
    name: "@ams-edge/react-hooks",
    dir: join(root, "packages", "react-hooks"),
    required: [
      "package.json",
      "README.md",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/merchant/index.js",
      "dist/merchant/index.d.ts",
    ],
  },
  {
    name: "@ams-edge/sandbox",
    dir: join(root, "packages", "sandbox"),
    required: [
      "package.json",
      "README.md",
      "bin/ams-edge.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/node.js",
      "dist/node.d.ts",
      "dist/fixtures/index.js",
      "dist/fixtures/index.d.ts",
      "dist/cli/cli.js",
    ],
    publicFixtures: true,
  },
];
const bin = (name: string) => join(root, "node_modules", ".bin", name);

// No colours, no network, and never the source condition: children must see the package as a
// consumer does, whatever flags started this script.
const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
const env: NodeJS.ProcessEnv = {
  ...inherited,
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  DENO_NO_UPDATE_CHECK: "1",
  npm_config_offline: "true",
  npm_config_update_notifier: "false",
};

interface Outcome {
  ok: boolean;
  detail: string;
  /** Shown on stderr when the check fails. */
  output?: string;
}

function run(
  command: string,
  args: string[],
  cwd = root,
): Outcome & { stdout: string; output: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? `\n${r.error.message}` : ""}`;
  const ok = r.status === 0;
  return { ok, detail: ok ? "exit 0" : `exit ${r.status ?? r.signal}`, output, stdout: r.stdout };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).map((f) => join(folder, f));
}

// Specifiers of import/export statements and `import()` types, outside comment lines.
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"'\n]+)\1/g;
function relativeSpecifiers(source: string): string[] {
  return source
    .split("\n")
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .flatMap((line) => [...line.matchAll(specifierPattern)].map((m) => m[2] ?? ""))
    .filter((s) => s.startsWith("./") || s.startsWith("../"));
}

const testOrFixture = (path: string, publicFixtures: boolean) =>
  /\.test(-d)?\./.test(path) || (!publicFixtures && /(^|\/)fixtures\//.test(path));

function checkDist(dist: string, publicFixtures: boolean): Outcome {
  const files = filesUnder(dist).filter((f) => /\.(js|d\.ts)$/.test(f));
  const problems: string[] = [];
  for (const file of files) {
    const rel = relative(dist, file);
    if (testOrFixture(rel, publicFixtures)) problems.push(`${rel}: test or fixture emitted`);
    for (const spec of relativeSpecifiers(readFileSync(file, "utf8"))) {
      if (!spec.endsWith(".js")) problems.push(`${rel}: "${spec}" is not a .js specifier`);
      const target = join(dirname(file), spec);
      const wanted = file.endsWith(".d.ts") ? target.replace(/\.js$/, ".d.ts") : target;
      if (!existsSync(wanted)) problems.push(`${rel}: "${spec}" does not resolve`);
    }
  }
  const ok = files.length > 0 && problems.length === 0;
  return { ok, detail: `${files.length} files`, output: problems.join("\n") };
}

/** Packs the package in `dir` into `folder` and returns the tarball's file list. */
function pack(dir: string, folder: string): { tarball: string; files: string[] } {
  const r = run("npm", ["pack", "--json", "--pack-destination", folder], dir);
  if (!r.ok) throw new Error(`npm pack failed:\n${r.output}`);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  if (info === undefined) throw new Error("npm pack printed no package");
  return { tarball: join(folder, info.filename), files: info.files.map((f) => f.path) };
}

function checkTarball(files: string[], required: string[], publicFixtures: boolean): Outcome {
  const missing = required.filter((f) => !files.includes(f));
  const unwanted = files.filter((f) => testOrFixture(f, publicFixtures));
  const output = [...missing.map((f) => `missing ${f}`), ...unwanted.map((f) => `packed ${f}`)];
  return { ok: output.length === 0, detail: `${files.length} files`, output: output.join("\n") };
}

const probe = `import { AmsEdgeError, cryptoRuntime, isAmsEdgeError, toMinorUnits } from "@ams-edge/core";
import type { AmsResult, KeyInput, PaymentStatus } from "@ams-edge/core";
import {
  PAYMENT_STATUSES,
  type PaymentStatus as ApiPaymentStatus,
  type PaymentView,
  PaymentViewSchema,
} from "@ams-edge/core/api";
import * as v from "valibot";

export const runtime: "web" | "node" = cryptoRuntime;
export const minor: string = toMinorUnits("5.99", "USD");
export const status: PaymentStatus = "succeeded";
export const key: KeyInput = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA";
export const guard: (value: unknown) => value is AmsEdgeError = isAmsEdgeError;
export type Result = AmsResult<{ paymentId: string }>;
// @ts-expect-error proves the types are real: "paid" is no payment status
export const wrong: PaymentStatus = "paid";

// The API contract's entry: its status is the state machine's, its schema types the view.
export const statuses: readonly PaymentStatus[] = PAYMENT_STATUSES;
export const isView = (value: unknown): value is PaymentView => v.is(PaymentViewSchema, value);
export const apiStatus: ApiPaymentStatus = status;
// @ts-expect-error proves the entry's types are real: a view has no "paid" status
export const wrongView: PaymentView["status"] = "paid";
`;

// Lives inside the unpacked package, where only the package itself may use "#crypto-provider".
// It relies on no particular export of the provider, only on its declaration being found.
const importsProbe = `import * as provider from "#crypto-provider";
export const names: string[] = Object.keys(provider);
// @ts-expect-error proves a declaration was found: a module namespace is no number
export const wrong: number = provider;
`;

/** A consumer folder with the packed package unpacked into node_modules. */
function makeConsumer(folder: string, tarball: string): void {
  const installed = join(folder, "node_modules", "@ams-edge", "core");
  mkdirSync(installed, { recursive: true });
  const untar = run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  if (!untar.ok) throw new Error(`tar failed:\n${untar.output}`);
  const manifest = JSON.parse(readFileSync(join(core, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    const link = join(folder, "node_modules", dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(root, "node_modules", dep)), link, "dir");
  }
  writeFileSync(join(folder, "package.json"), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(folder, "probe.ts"), probe);
  writeFileSync(join(installed, "imports-probe.ts"), importsProbe);
  // Not named tsconfig.json, so that Deno does not read it.
  const compilerOptions = CONSUMER_COMPILER_OPTIONS;
  writeFileSync(
    join(folder, "tsconfig.consumer.json"),
    JSON.stringify({
      compilerOptions,
      files: ["probe.ts", `${relative(folder, installed)}/imports-probe.ts`],
    }),
  );
}

function checkTscConsumer(folder: string): Outcome {
  const r = run(bin("tsc"), ["-p", "tsconfig.consumer.json", "--explainFiles"], folder);
  // --explainFiles lists each file, then why it is in the program.
  const resolved =
    /dist\/crypto\/provider-web\.d\.ts\n(\s+.*\n)*?\s+Imported via "#crypto-provider"/.test(
      r.stdout,
    );
  const ok = r.ok && resolved && !/error TS/.test(r.stdout);
  const target = resolved ? "→ dist/crypto/provider-web.d.ts" : "not resolved there";
  const errors = r.stdout.split("\n").filter((l) => /error TS/.test(l));
  return { ok, detail: `${r.detail}, #crypto-provider types ${target}`, output: errors.join("\n") };
}

/** Every `node` on PATH outside node_modules (the system one), then the one running this script. */
function nodeBinaries(): string[] {
  const found = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "" && !dir.includes("node_modules"))
    .map((dir) => join(dir, "node"))
    .filter((path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  const unique = new Map<string, string>();
  for (const path of [...found, process.execPath]) unique.set(realpathSync(path), path);
  return [...unique.values()];
}

const importScript = (specifier: string) =>
  `import('${specifier}').then(m => console.log(JSON.stringify({ names: Object.keys(m).sort(), runtime: m.cryptoRuntime ?? null, version: process.version })))`;

function checkNodeImport(
  node: string,
  cwd: string,
  expected: string[],
  specifier = "@ams-edge/core",
): Outcome {
  const r = run(node, ["-e", importScript(specifier)], cwd);
  if (!r.ok) return { ...r, detail: `${node}: ${r.detail}` };
  const seen = JSON.parse(r.stdout) as {
    names: string[];
    runtime: string | null;
    version: string;
  };
  const same = JSON.stringify(seen.names) === JSON.stringify(expected);
  // The API contract has no crypto, so no cryptoRuntime to check.
  const ok = same && (specifier !== "@ams-edge/core" || seen.runtime === "node");
  const runtime = seen.runtime === null ? "" : `, cryptoRuntime ${seen.runtime}`;
  const detail = `${seen.version} (${node}): ${seen.names.length} exports${same ? "" : ` (source has ${expected.length})`}${runtime}`;
  return { ok, detail };
}

async function providerFor(options: Parameters<typeof build>[0]): Promise<string[]> {
  const result = await build({
    ...options,
    stdin: { contents: 'export { cryptoRuntime } from "@ams-edge/core";', resolveDir: root },
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => /crypto\/provider-(node|web)\./.test(input))
    .sort();
}

async function checkBundle(
  platform: string,
  options: Parameters<typeof build>[0],
  expected: string[],
): Promise<Outcome> {
  const inputs = await providerFor(options);
  const ok = JSON.stringify(inputs) === JSON.stringify(expected);
  return { ok, detail: `${platform}: ${inputs.join(", ") || "no provider"}` };
}

const versionOf = (node: string): string =>
  spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
const atLeast = (version: string, major: number, minor: number): boolean => {
  const [a = 0, b = 0] = version.replace(/^v/, "").split(".").map(Number);
  return a > major || (a === major && b >= minor);
};

/**
 * `scripts/require-node.js` (the `pre` script of `npm start` and `npm test`) passes a Node that
 * meets the root's `engines` and stops an older one with a message naming both.
 */
function checkRequireNode(node: string): Outcome {
  const version = versionOf(node);
  const { engines } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    engines: { node: string };
  };
  const [, major = "0", minor = "0"] = /^>=(\d+)\.(\d+)$/.exec(engines.node) ?? [];
  const r = run(node, ["scripts/require-node.js"]);
  const wanted = `This repository's scripts need Node.js ${major}.${minor} or newer; npm ran them with ${version}`;
  const enough = atLeast(version, Number(major), Number(minor));
  const ok = enough
    ? r.ok && r.output === ""
    : r.detail === "exit 1" && r.output.startsWith(wanted);
  return {
    ok,
    detail: `${version} (${node}): ${r.detail}${enough ? "" : ", refused"}`,
    output: r.output,
  };
}

/**
 * In a checkout, `bin/ams-edge.js` runs the TypeScript sources: Node 22.18 or newer runs the CLI,
 * an older one gets told why and what to use instead.
 */
function checkCheckoutCli(node: string): Outcome {
  const version = versionOf(node);
  const r = run(node, ["packages/sandbox/bin/ams-edge.js", "--help"]);
  const enough = atLeast(version, 22, 18);
  const wanted = `In a checkout of the repository, ams-edge runs its TypeScript sources and needs Node.js 22.18 or newer; this is ${version}.`;
  const ok = enough
    ? r.ok && r.stdout.startsWith("Usage: ams-edge <command>")
    : r.detail === "exit 2" && r.output.startsWith(wanted);
  return {
    ok,
    detail: `${version} (${node}): ${r.detail}${enough ? "" : ", refused"}`,
    output: r.output,
  };
}

/** The platforms whose first `npm ci` the lock file must serve, as npm's `--os` / `--cpu`. */
const platforms = [
  ["linux", "x64"],
  ["linux", "arm64"],
  ["darwin", "x64"],
  ["darwin", "arm64"],
  ["win32", "x64"],
] as const;

/** A folder holding only every package.json and the lock file: a fresh clone, for npm. */
function lockCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), "ams-edge-lock-"));
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    workspaces: string[];
  };
  for (const file of [
    "package.json",
    "package-lock.json",
    ...manifest.workspaces.map((w) => `${w}/package.json`),
  ]) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), readFileSync(join(root, file)));
  }
  return copy;
}

/**
 * `npm ci --dry-run` for a platform, with no node_modules: npm checks that the lock file holds
 * everything it would install there (a missing optional binary fails it).
 */
function checkLockForPlatform(copy: string, os: string, cpu: string): Outcome {
  const r = run("npm", ["ci", "--dry-run", `--os=${os}`, `--cpu=${cpu}`, "--loglevel=error"], copy);
  const added = /added (\d+) packages/.exec(r.output)?.[1];
  return {
    ...r,
    ok: r.ok && added !== undefined,
    detail: `${r.detail}, ${added ?? "no"} packages`,
  };
}

/** `npm install` (lock only) on the copy must leave the lock file byte for byte as committed. */
function checkLockInSync(copy: string): Outcome {
  const r = run(
    "npm",
    ["install", "--package-lock-only", "--ignore-scripts", "--loglevel=error"],
    copy,
  );
  const same =
    readFileSync(join(copy, "package-lock.json"), "utf8") ===
    readFileSync(join(root, "package-lock.json"), "utf8");
  const detail = `${r.detail}, ${same ? "unchanged" : "rewritten: run npm install and commit the lock file"}`;
  return { ok: r.ok && same, detail, output: r.output };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "skip-build": { type: "boolean", default: false } } });
  let passed = 0;
  let failed = 0;
  const report = async (name: string, check: () => Outcome | Promise<Outcome>) => {
    let outcome: Outcome;
    try {
      outcome = await check();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = { ok: false, detail: "threw", output: message };
    }
    if (outcome.ok) passed += 1;
    else {
      failed += 1;
      if (outcome.output) process.stderr.write(`${outcome.output.trim()}\n`);
    }
    console.log(`${outcome.ok ? "PASS" : "FAIL"}  ${name}: ${outcome.detail}`);
  };

  const lock = lockCopy();
  try {
    for (const [os, cpu] of platforms) {
      await report(`lock file: npm ci --dry-run --os=${os} --cpu=${cpu}`, () =>
        checkLockForPlatform(lock, os, cpu),
      );
    }
    await report("lock file: npm install leaves it unchanged", () => checkLockInSync(lock));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  for (const node of nodeBinaries()) {
    await report("repository scripts check the Node version (scripts/require-node.js)", () =>
      checkRequireNode(node),
    );
    await report("ams-edge from the checkout (TypeScript sources)", () => checkCheckoutCli(node));
  }

  if (!values["skip-build"]) {
    for (const { dir } of published) rmSync(join(dir, "dist"), { recursive: true, force: true });
    await report("build (npm run build)", () => run("npm", ["run", "build", "--silent"]));
  }

  const scratch = mkdtempSync(join(tmpdir(), "ams-edge-packages-"));
  const tarballs: Record<string, string> = {};
  try {
    for (const { name, dir, required, publicFixtures = false } of published) {
      const folder = relative(root, dir);
      await report(`${name}: dist layout and relative imports`, () =>
        checkDist(join(dir, "dist"), publicFixtures),
      );
      const packed = pack(dir, scratch);
      tarballs[name] = packed.tarball;
      await report(`${name}: tarball contents`, () =>
        checkTarball(packed.files, required, publicFixtures),
      );
      await report(`${name}: publint --strict`, () => {
        const r = run(process.execPath, [bin("publint"), "run", folder, "--strict"]);
        return { ...r, ok: r.ok && r.output.includes("All good!") };
      });
      await report(`${name}: attw --pack --profile esm-only`, () =>
        run(process.execPath, [
          bin("attw"),
          "--pack",
          folder,
          "--profile",
          "esm-only",
          "--format",
          "ascii",
          "--no-color",
        ]),
      );
    }
    const tarball = tarballs["@ams-edge/core"] ?? "";
    await report("deno check source (--conditions=@ams-edge/source)", () =>
      run(bin("deno"), [
        "check",
        "--cached-only",
        "--conditions=@ams-edge/source",
        "packages/core/src/index.ts",
        "packages/core/src/api/index.ts",
        "packages/core/src/crypto/provider-node.ts",
      ]),
    );

    const consumer = join(scratch, "consumer");
    makeConsumer(consumer, tarball);
    await report("deno check packed package (consumer)", () =>
      run(bin("deno"), ["check", "--cached-only", "probe.ts"], consumer),
    );
    await report("tsc consumer of packed package (nodenext, skipLibCheck false)", () =>
      checkTscConsumer(consumer),
    );

    const source = await import(join(core, "src", "index.ts"));
    const expected = Object.keys(source).sort();
    for (const node of nodeBinaries()) {
      await report("node import from repository root", () => checkNodeImport(node, root, expected));
    }
    await report("node import of packed package", () =>
      checkNodeImport(process.execPath, consumer, expected),
    );
    const api = Object.keys(await import(join(core, "src", "api", "index.ts"))).sort();
    await report("node import of packed package's API contract (@ams-edge/core/api)", () =>
      checkNodeImport(process.execPath, consumer, api, "@ams-edge/core/api"),
    );

    const project = join(scratch, "installed");
    const installed = installConsumer(project, tarballs, env);
    await report("consumer project: npm install of the three tarballs", () => installed);
    if (installed.ok) {
      for (const node of nodeBinaries()) {
        await report("consumer: plain node imports every entry, renders the hooks", () =>
          checkNodeConsumer(node, project, env),
        );
        await report("consumer: npx ams-edge --help", () =>
          checkCliHelp(node, project, scratch, env),
        );
        await report("consumer: npx ams-edge sandbox (listening, then stopped)", () =>
          checkCliSandbox(node, project, scratch, env),
        );
      }
      await report("consumer: ams-edge refuses a Node older than its engines", () =>
        checkCliRefusesOldNode(project, scratch),
      );
      await report("consumer: deno imports @ams-edge/core", () =>
        checkRuntimeConsumer(bin("deno"), ["run", "--allow-read", "--allow-env"], project, env),
      );
      await report("consumer: bun imports @ams-edge/core", () =>
        checkRuntimeConsumer(bin("bun"), ["run"], project, env),
      );
      await report("consumer: tsc on the declarations of all three (nodenext)", () =>
        checkTypesConsumer(bin("tsc"), project, env),
      );
      await report("consumer: vite build of a React app using the hooks", () =>
        checkViteConsumer(process.execPath, project, env),
      );
    }
    for (const example of BACKEND_EXAMPLES) {
      const folder = join(scratch, example);
      const source = join(root, "examples", example);
      const installedExample = installExample(source, folder, tarballs, env);
      await report(`example ${example}: npm install from the tarballs`, () => installedExample);
      if (!installedExample.ok) continue;
      for (const node of nodeBinaries()) {
        await report(`example ${example}: its test, end to end against the sandbox`, () =>
          checkExample(node, folder, env),
        );
      }
    }
  } catch (error) {
    await report("pack and unpack", () => {
      throw error;
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const web = ["packages/core/dist/crypto/provider-web.js"];
  await report("#crypto-provider in a browser bundle", () =>
    checkBundle("esbuild --platform=browser", { platform: "browser" }, web),
  );
  await report("#crypto-provider in a workerd bundle", () =>
    checkBundle(
      "esbuild conditions workerd, worker, browser",
      {
        platform: "neutral",
        conditions: ["workerd", "worker", "browser"],
        mainFields: ["module", "main"],
      },
      web,
    ),
  );
  await report("#crypto-provider in a Node bundle", () =>
    checkBundle("esbuild --platform=node", { platform: "node" }, [
      "packages/core/dist/crypto/provider-node.js",
      ...web,
    ]),
  );

  const readme = readFileSync(join(core, "README.md"), "utf8");
  const examples = readmeExamples(readme);
  const docs = readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort();
  const docExamples = docs.flatMap((f) =>
    readmeExamples(readFileSync(join(root, "docs", f), "utf8"), `docs-${f.slice(0, -3)}`),
  );
  const readmeScratch = mkdtempSync(join(tmpdir(), "ams-edge-readme-"));
  try {
    await report("README examples type-check", () =>
      checkExamplesTypes(root, examples, join(readmeScratch, "types")),
    );
    await report(`docs examples type-check (${docs.join(", ")})`, () =>
      checkExamplesTypes(root, docExamples, join(readmeScratch, "docs-types")),
    );
    await report("README examples run against the build", () =>
      runExamples(root, examples, join(readmeScratch, "run")),
    );
  } finally {
    rmSync(readmeScratch, { recursive: true, force: true });
  }
  await report("README API tables match the exports", () =>
    checkApiNames(readme, exportedNames(join(core, "src", "index.ts"))),
  );
  const contract = readme.split(/^## /m).find((section) => section.startsWith("The Worker API"));
  await report("README contract table matches the exports of @ams-edge/core/api", () =>
    checkApiNames(`## API\n${contract ?? ""}`, exportedNames(join(core, "src", "api", "index.ts"))),
  );
  await report("README errors table matches the error codes", () =>
    checkErrorCodes(readme, errorCodes(join(core, "src"))),
  );

  console.log(`packages: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
