/**
 * `npm start`: the whole local stack on 127.0.0.1, offline.
 *
 * Options (`npm start -- --help`): `--origin <url>` (repeatable, or AMS_EDGE_ORIGINS) allows
 * another origin to call the Worker from a browser; `--fresh` clears the local state first.
 *
 * 1. Creates `.dev.vars` with fresh local keys when it is missing (the API key is printed once).
 * 2. Builds the storefront when it is there, or puts a placeholder page in its build folder.
 * 3. Starts the sandbox gateway (in this process, its ledger kept in the state folder so that
 *    payments survive a restart, as the Worker's Durable Objects and D1 do) and the Worker under
 *    `wrangler dev` (workerd, local Durable Objects and D1), pointed at each other.
 * 4. Prints the URLs (the till's with the API key in its fragment when the key is known: just
 *    made, or given as AMS_EDGE_API_KEY) and a `curl` that creates a payment. Ctrl-C stops
 *    everything it started.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSandboxServer } from "@ams-edge/sandbox/node";
import { assetsDirectory, ensureAssetsDirectory, PLACEHOLDER_MARKER } from "./lib/ensure-assets.ts";
import { freePort } from "./lib/free-port.ts";
import {
  formatEnvFile,
  generateLocalSecrets,
  parseEnvFile,
  publicKeyOf,
} from "./lib/local-secrets.ts";
import { formatStartBanner, knownApiKey } from "./lib/start-banner.ts";
import { parseStartOptions, START_USAGE, type StartOptions } from "./lib/start-options.ts";
import { applyLocalMigrations, startWranglerDevOnFreePorts } from "./lib/wrangler-dev.ts";

const root = join(import.meta.dirname, "..");
const devVarsPath = join(root, ".dev.vars");

function log(message: string): void {
  console.log(`[start] ${message}`);
}

/** Reads `.dev.vars`, creating it first when missing. Returns the API key when it was just made. */
function loadOrCreateDevVars(): { vars: Record<string, string>; newApiKey: string | null } {
  if (existsSync(devVarsPath)) {
    return { vars: parseEnvFile(readFileSync(devVarsPath, "utf8")), newApiKey: null };
  }
  const { secrets, apiKey } = generateLocalSecrets();
  writeFileSync(
    devVarsPath,
    formatEnvFile(
      secrets,
      "Local secrets for `npm start` and `wrangler dev`, made on this machine; never commit.\n" +
        "Delete this file to make new ones (and a new API key). See .dev.vars.example.",
    ),
    { mode: 0o600 },
  );
  log("created .dev.vars with new local keys");
  return { vars: parseEnvFile(readFileSync(devVarsPath, "utf8")), newApiKey: apiKey };
}

function requireVar(vars: Record<string, string>, name: string): string {
  const value = vars[name];
  if (value === undefined || value === "") {
    throw new Error(
      `.dev.vars has no ${name}; delete .dev.vars and run npm start again to recreate it`,
    );
  }
  return value;
}

/** Builds the storefront; false when a placeholder page stands in for it. */
function buildStorefront(): boolean {
  const storefront = join(root, "examples", "storefront");
  const hasSources =
    existsSync(join(storefront, "index.html")) && existsSync(join(storefront, "src"));
  if (hasSources) {
    log("building the storefront (examples/storefront)");
    const result = spawnSync("npm", ["run", "build", "--workspace", "@ams-edge/storefront"], {
      cwd: root,
      stdio: "inherit",
    });
    if (result.status === 0) return true;
    log("the storefront build failed; serving what its folder holds");
  }
  if (ensureAssetsDirectory(root)) log("storefront not built: serving a placeholder page at /");
  const index = readFileSync(join(assetsDirectory(root), "index.html"), "utf8");
  return !index.includes(PLACEHOLDER_MARKER);
}

/** The options, or the process ends: 0 after `--help`, 2 with the usage after a bad one. */
function startOptions(): StartOptions {
  let options: StartOptions;
  try {
    options = parseStartOptions(process.argv.slice(2), process.env.AMS_EDGE_ORIGINS);
  } catch (error) {
    console.error(`[start] ${(error as Error).message}\n\n${START_USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(START_USAGE);
    process.exit(0);
  }
  return options;
}

async function main(): Promise<void> {
  const options = startOptions();
  const { vars, newApiKey } = loadOrCreateDevVars();
  const clientId = requireVar(vars, "AMS_CLIENT_ID");
  const sandboxKey = requireVar(vars, "LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY");
  const merchantPublicKey = publicKeyOf(requireVar(vars, "AMS_PRIVATE_KEY"));
  const storefrontBuilt = buildStorefront();

  const sandboxPort = await freePort(8788);
  const stateFolder = join(".wrangler", "state");
  const persistTo = join(root, stateFolder);
  if (options.fresh) {
    rmSync(persistTo, { recursive: true, force: true });
    log(`--fresh: cleared ${stateFolder} (payments of the Worker and the sandbox)`);
  }

  const sandbox = await startSandboxServer({
    port: sandboxPort,
    merchants: [{ clientId, publicKey: merchantPublicKey }],
    alipayPrivateKey: sandboxKey,
    ledgerFile: join(persistTo, "sandbox-ledger.json"),
  });
  log(`sandbox gateway listening on ${sandbox.url}`);

  log("applying D1 migrations to the local database");
  await applyLocalMigrations(root, persistTo);
  log("starting wrangler dev");
  const worker = await startWranglerDevOnFreePorts(
    (port) => ({
      root,
      persistTo,
      vars: {
        AMS_GATEWAY: sandbox.url,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        CORS_ORIGINS: options.origins.join(","),
      },
      onOutput: (line) => console.log(`[wrangler] ${line}`),
    }),
    8787,
  );
  const workerUrl = worker.url;

  // Whatever ends this process, wrangler's process group goes with it.
  process.on("exit", () => {
    if (worker.process.pid !== undefined) {
      try {
        process.kill(-worker.process.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping");
    await Promise.allSettled([worker.stop(), sandbox.close()]);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  void worker.exited.then((code) => {
    if (!stopping) {
      log(`wrangler dev exited (${code})`);
      void stop(code === 0 ? 1 : code);
    }
  });

  console.log(
    formatStartBanner({
      workerUrl,
      sandboxUrl: sandbox.url,
      storeId: "demo-store",
      storefrontBuilt,
      origins: options.origins,
      state: { folder: stateFolder, fresh: options.fresh },
      apiKey: knownApiKey(
        newApiKey,
        process.env.AMS_EDGE_API_KEY,
        requireVar(vars, "API_KEY_HASHES"),
      ),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
