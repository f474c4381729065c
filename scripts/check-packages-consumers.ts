/**
 * Consumer tests of the packed packages: the tarballs of `@ams-edge/core`, `@ams-edge/react-hooks`
 * and `@ams-edge/sandbox` installed with npm into a new project under the OS temp folder, as a
 * user would (third-party dependencies from the npm registry or npm's cache, nothing from the
 * repository), then used under plain Node (each Node found: 20 and 24 here), Deno, Bun, TypeScript
 * and a Vite + React build, and through the installed `ams-edge` CLI; and the backend examples
 * (examples/node-backend, examples/express-backend) installed the same way and run end to end.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { consumerApp } from "./lib/consumer-app.ts";

export interface ConsumerOutcome {
  ok: boolean;
  detail: string;
  output?: string;
}

/** What the installed project pins besides the tarballs: the versions the repository tests. */
const thirdParty = {
  react: "19.3.1",
  "react-dom": "19.3.1",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
  vite: "8.3.8",
  "@vitejs/plugin-react": "6.3.0",
};

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeout = 120_000,
): ConsumerOutcome & { output: string; stdout: string; stderr: string } {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout, maxBuffer: 64 << 20 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? `\n${r.error.message}` : ""}`;
  const ok = r.status === 0;
  return {
    ok,
    detail: `${ok ? "exit 0" : `exit ${r.status ?? r.signal}`}, ${seconds} s`,
    output,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}

/** A folder holding only a `node` link to `node`, to put first on PATH. */
function nodeOnPath(scratch: string, node: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const folder = join(scratch, `path-${readdirSync(scratch).length}`);
  mkdirSync(folder);
  symlinkSync(node, join(folder, "node"));
  return { ...env, PATH: `${folder}:${env.PATH ?? ""}` };
}

/**
 * Writes the project (by default every probe and the Vite app; `files` to choose) and installs it:
 * `npm install --prefer-offline`, so a warm npm cache makes it a local operation; the registry is
 * asked only for what the cache lacks.
 */
export function installConsumer(
  folder: string,
  tarballs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  files: Readonly<Record<string, string>> = consumerFiles,
): ConsumerOutcome {
  mkdirSync(join(folder, "src"), { recursive: true });
  const tarballDeps = Object.fromEntries(
    Object.entries(tarballs).map(([name, tarball]) => [name, `file:${tarball}`]),
  );
  const manifest = {
    name: "ams-edge-consumer",
    private: true,
    type: "module",
    dependencies: { ...tarballDeps, ...thirdParty },
  };
  writeFileSync(join(folder, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, contents] of Object.entries(files)) {
    writeFileSync(join(folder, name), contents);
  }
  const { npm_config_offline: _offline, ...online } = env;
  return run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    folder,
    online,
    300_000,
  );
}

// Plain JavaScript, no JSX: what a Node user runs without any build step.
const nodeProbe = `import * as core from "@ams-edge/core";
import * as api from "@ams-edge/core/api";
import * as hooks from "@ams-edge/react-hooks";
import * as merchant from "@ams-edge/react-hooks/merchant";
import * as sandbox from "@ams-edge/sandbox";
import { startSandboxServer } from "@ams-edge/sandbox/node";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "@ams-edge/sandbox/test-keys";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

function Charge() {
  const { state } = hooks.useOrderCodePayment();
  return createElement("p", null, state.status);
}
const html = renderToString(
  createElement(hooks.AmsProvider, { baseUrl: "http://127.0.0.1:1" }, createElement(Charge)),
);

// A signed round trip: the installed core's client against the installed sandbox.
const server = await startSandboxServer({
  merchants: [{ clientId: "SANDBOX_TEST", publicKey: TEST_MERCHANT_PUBLIC_KEY }],
  alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
});
const client = core.createAmsClient({
  clientId: "SANDBOX_TEST",
  privateKey: TEST_MERCHANT_PRIVATE_KEY,
  alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
  gateway: server.url,
});
const inquiry = await client.inquiryPayment({ paymentRequestId: "consumer-1" });
await server.close();

console.log(JSON.stringify({
  version: process.version,
  minor: core.toMinorUnits("5.99", "USD"),
  runtime: core.cryptoRuntime,
  statuses: api.PAYMENT_STATUSES.length,
  hooks: typeof hooks.useOrderCodePayment,
  merchant: Object.keys(merchant).length > 0,
  sandbox: typeof sandbox.createSandbox,
  testKey: TEST_MERCHANT_PUBLIC_KEY.length > 100,
  html,
  inquiry: inquiry.ok ? "ok" : inquiry.resultCode,
}));
`;

// For Deno and Bun: the core package only, through the same bare specifier.
const coreProbe = `import { cryptoRuntime, toMinorUnits } from "@ams-edge/core";
import { PAYMENT_STATUSES } from "@ams-edge/core/api";
console.log(JSON.stringify({ minor: toMinorUnits("5.99", "USD"), runtime: cryptoRuntime, statuses: PAYMENT_STATUSES.length }));
`;

// The declarations, as a TypeScript user sees them (nodenext, full lib check).
const typesProbe = `import { toMinorUnits, type PaymentStatus } from "@ams-edge/core";
import { useOrderCodePayment, type AmsProviderProps } from "@ams-edge/react-hooks";
import { createSandbox, type Sandbox } from "@ams-edge/sandbox";
import type { SandboxServer } from "@ams-edge/sandbox/node";

export const minor: string = toMinorUnits("5.99", "USD");
export const hook: typeof useOrderCodePayment = useOrderCodePayment;
export const make: (...args: Parameters<typeof createSandbox>) => Sandbox = createSandbox;
export type Props = AmsProviderProps;
export type Url = SandboxServer["url"];
// @ts-expect-error proves the types are real: "paid" is no payment status
export const wrong: PaymentStatus = "paid";
// @ts-expect-error proves the hook's types are real: it takes no string
useOrderCodePayment("nope");
`;

/** How a strict TypeScript consumer compiles against the installed packages' declarations. */
export const CONSUMER_COMPILER_OPTIONS = {
  target: "es2023",
  module: "nodenext",
  moduleResolution: "nodenext",
  lib: ["es2023", "dom"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: false,
  noEmit: true,
};

const consumerFiles: Record<string, string> = {
  "probe.mjs": nodeProbe,
  "core-probe.mjs": coreProbe,
  "types-probe.ts": typesProbe,
  "tsconfig.json": JSON.stringify({
    compilerOptions: CONSUMER_COMPILER_OPTIONS,
    files: ["types-probe.ts"],
  }),
  ...consumerApp,
};

/** Plain Node, no flags: every entry point imports, the hooks render on the server. */
export function checkNodeConsumer(
  node: string,
  folder: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const r = run(node, ["probe.mjs"], folder, env);
  if (!r.ok) return r;
  const seen = JSON.parse(r.stdout) as Record<string, unknown>;
  const expected = {
    version: seen.version,
    minor: "599",
    runtime: "node",
    statuses: seen.statuses,
    hooks: "function",
    merchant: true,
    sandbox: "function",
    testKey: true,
    html: "<p>idle</p>",
    inquiry: "ORDER_NOT_EXIST",
  };
  const ok = JSON.stringify(seen) === JSON.stringify(expected) && Number(seen.statuses) > 0;
  return {
    ok,
    detail: `${seen.version}: core, core/api, react-hooks, react-hooks/merchant, sandbox, sandbox/node, sandbox/test-keys; renderToString ${String(seen.html)}; signed inquiryPayment against the sandbox → ${String(seen.inquiry)} (${r.detail})`,
    output: ok ? "" : r.stdout,
  };
}

/** `npx ams-edge --help` with `node` (first on PATH) running the installed bin. */
export function checkCliHelp(
  node: string,
  folder: string,
  scratch: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const pathEnv = nodeOnPath(scratch, node, env);
  const version = run("node", ["--version"], folder, pathEnv).stdout.trim();
  const r = run("npx", ["--no-install", "ams-edge", "--help"], folder, pathEnv);
  const ok = r.ok && /^Usage: ams-edge <command>/.test(r.stdout);
  return { ok, detail: `${version}: ${r.detail}`, output: r.output };
}

/**
 * `npx ams-edge sandbox --port 0`: waits for its "listening" line, asks the URL it printed, then
 * stops the process group.
 */
export async function checkCliSandbox(
  node: string,
  folder: string,
  scratch: string,
  env: NodeJS.ProcessEnv,
): Promise<ConsumerOutcome> {
  const pathEnv = nodeOnPath(scratch, node, env);
  const started = performance.now();
  const child = spawn("npx", ["--no-install", "ams-edge", "sandbox", "--port", "0"], {
    cwd: folder,
    env: pathEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no 'listening' line within 30 s")), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const m = /listening on (http:\/\/\S+)/.exec(output);
        if (m?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before listening`));
      });
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await answer.arrayBuffer();
    const ok = answer.status < 500;
    return { ok, detail: `listening on ${url} after ${seconds} s, GET / → ${answer.status}` };
  } catch (error) {
    return { ok: false, detail: "threw", output: `${(error as Error).message}\n${output}` };
  } finally {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
}

/**
 * The installed bin refuses a Node older than its package's `engines` with a clear message: a
 * copy of the installed package whose `engines` asks for Node 99 stands in for an old Node.
 */
export function checkCliRefusesOldNode(folder: string, scratch: string): ConsumerOutcome {
  const installed = join(folder, "node_modules", "@ams-edge", "sandbox");
  const copy = join(scratch, "engines", "node_modules", "@ams-edge", "sandbox");
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(installed, copy, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8")) as {
    engines: { node: string };
  };
  manifest.engines.node = ">=99";
  writeFileSync(join(copy, "package.json"), JSON.stringify(manifest));
  const r = run(process.execPath, [join(copy, "bin", "ams-edge.js"), "--help"], scratch, {});
  const expected = `ams-edge needs Node.js 99 or newer; this is ${process.version}.`;
  const ok = r.detail.startsWith("exit 2") && r.stderr.startsWith(expected) && r.stdout === "";
  return { ok, detail: `${r.detail}: ${r.stderr.split("\n")[0] ?? ""}`, output: r.output };
}

/** Deno or Bun importing `@ams-edge/core` from the installed project's node_modules. */
export function checkRuntimeConsumer(
  command: string,
  args: string[],
  folder: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const r = run(command, [...args, "core-probe.mjs"], folder, env);
  if (!r.ok) return r;
  const seen = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
    minor?: string;
    runtime?: string;
    statuses?: number;
  };
  const ok = seen.minor === "599" && typeof seen.runtime === "string" && (seen.statuses ?? 0) > 0;
  return {
    ok,
    detail: `cryptoRuntime ${seen.runtime}, toMinorUnits → ${seen.minor} (${r.detail})`,
  };
}

/** `tsc` (the repository's TypeScript 7) on a probe of all three packages' declarations. */
export function checkTypesConsumer(
  tsc: string,
  folder: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const r = run(tsc, ["-p", "tsconfig.json"], folder, env);
  return { ...r, output: r.stdout };
}

/** `vite build` of a React app that imports the hooks; the bundle must carry the hooks' code. */
export function checkViteConsumer(
  node: string,
  folder: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const r = run(node, [join("node_modules", "vite", "bin", "vite.js"), "build"], folder, env);
  if (!r.ok) return r;
  const assets = join(folder, "dist", "assets");
  const scripts = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith(".js")) : [];
  const bundle = scripts.map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
  // The hooks' status names and the core's money table end up in the bundle only through imports.
  const ok = bundle.includes("awaiting_scan") && /\/api\/payments/.test(bundle);
  const kb = (Buffer.byteLength(bundle) / 1024).toFixed(0);
  return { ok, detail: `${scripts.length} script(s), ${kb} kB (${r.detail})`, output: r.output };
}

/** The backend examples that are installed from the tarballs and run end to end by their tests. */
export const BACKEND_EXAMPLES: readonly string[] = ["node-backend", "express-backend"];

/**
 * Copies an example (`source`, without its node_modules) to `folder`, points its `@ams-edge/*`
 * dependencies at the tarballs, and installs it: the rest (Express) comes from the npm registry
 * or npm's cache, at the versions its package.json pins.
 */
export function installExample(
  source: string,
  folder: string,
  tarballs: Record<string, string>,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  cpSync(source, folder, {
    recursive: true,
    filter: (path) => !path.split(/[\\/]/).includes("node_modules"),
  });
  const manifestPath = join(folder, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  const used = new Set<string>();
  for (const field of ["dependencies", "devDependencies"]) {
    const deps = manifest[field];
    for (const name of Object.keys(deps ?? {})) {
      const tarball = tarballs[name];
      if (deps !== undefined && tarball !== undefined) {
        deps[name] = `file:${tarball}`;
        used.add(name);
      }
    }
  }
  // The sandbox depends on @ams-edge/core: with core's tarball at the top, npm takes it from there.
  if (used.has("@ams-edge/sandbox") && !used.has("@ams-edge/core")) {
    manifest.dependencies = {
      ...manifest.dependencies,
      "@ams-edge/core": `file:${tarballs["@ams-edge/core"] ?? ""}`,
    };
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const { npm_config_offline: _offline, ...online } = env;
  return run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    folder,
    online,
    300_000,
  );
}

/** `node --test` in an installed example: its end-to-end test against a sandbox it starts. */
export function checkExample(
  node: string,
  folder: string,
  env: NodeJS.ProcessEnv,
): ConsumerOutcome {
  const r = run(node, ["--test"], folder, env);
  // Node 24 reports `ℹ pass 2`, Node 20 (TAP when not on a terminal) `# pass 2`.
  const pass = Number(/^(?:ℹ|#) pass (\d+)$/m.exec(r.stdout)?.[1] ?? 0);
  const fail = Number(/^(?:ℹ|#) fail (\d+)$/m.exec(r.stdout)?.[1] ?? 0);
  const version = run(node, ["--version"], folder, env).stdout.trim();
  const ok = r.ok && pass > 0 && fail === 0;
  return {
    ok,
    detail: `${version}: ${pass} passed, ${fail} failed (${r.detail})`,
    output: r.output,
  };
}
