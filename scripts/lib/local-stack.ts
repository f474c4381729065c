/**
 * The local stack that the end-to-end, soak and browser suites and the benchmarks drive: the
 * sandbox gateway in this process and the Worker under `wrangler dev`, on free ports, with fresh
 * test keys and a private state folder. `stop()` always stops wrangler's whole process group and
 * removes the folder; `restart()` stops both and starts them again on the same ports with the same
 * keys and state, as a second `npm start` would. (`npm start` runs the same parts, but keeps its
 * keys and state in the repository.)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type SandboxServer,
  type SandboxServerOptions,
  startSandboxServer,
} from "@ams-edge/sandbox/node";
import { ensureAssetsDirectory, writePlaceholderAssets } from "./ensure-assets.ts";
import { freePort } from "./free-port.ts";
import { formatEnvFile, generateLocalSecrets, publicKeyOf } from "./local-secrets.ts";
import {
  applyLocalMigrations,
  buildWorkerBundle,
  restartWranglerDev,
  startWranglerDev,
  startWranglerDevOnFreePorts,
  type WranglerDev,
  type WranglerDevOptionsFor,
} from "./wrangler-dev.ts";

/** The repository root. */
export const repositoryRoot = join(import.meta.dirname, "..", "..");

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /**
   * What the Worker runs and serves. `storefront`: the sources, serving the storefront build in
   * examples/storefront/dist, as `npm start` does. `bundle` (the default): the deploy bundle with
   * private placeholder assets, what Cloudflare would run, and no reload mid-run when a source
   * file or the storefront build changes.
   */
  worker?: "bundle" | "storefront";
  /** `--var`s for the Worker, over the defaults. */
  vars?: Record<string, string>;
  /** Sandbox options (clock, notification `fetch`, resend time scale, ...). */
  sandbox?: Omit<SandboxServerOptions, "merchants" | "alipayPrivateKey">;
  /** Names the state folder and the env file's comment, e.g. `e2e`. */
  label?: string;
  /**
   * Keeps the sandbox's ledger in the state folder, as `npm start` does, so that its payments
   * survive `restart()` (default: in memory only).
   */
  keepSandboxLedger?: boolean;
}

/** A running stack. */
export interface LocalStack {
  /** The Worker's origin, e.g. `http://127.0.0.1:41234`. */
  workerUrl: string;
  sandbox: SandboxServer;
  /** A merchant API key the Worker accepts. */
  apiKey: string;
  /** The key that plays the provider's: tests sign their own notifications with it. */
  alipayPrivateKey: string;
  clientId: string;
  /** The Worker's local state (Durable Objects, D1), removed by `stop()`. */
  stateDir: string;
  /**
   * Stops the Worker and the sandbox and starts them again on the same ports, with the same keys
   * and state folder; `sandbox` is then the new sandbox.
   */
  restart(): Promise<void>;
  /**
   * Stops `wrangler dev` alone and starts it again on the same port and the same local state
   * (Durable Objects with their storage and alarms, D1), as a deploy or an eviction would:
   * requests in flight are cut off, and the objects wake up from storage.
   */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the sandbox and the Worker; rejects (after cleaning up) if either does not come up. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const label = options.label ?? "local";
  const dir = mkdtempSync(join(tmpdir(), `ams-edge-${label}-`));
  const { secrets, apiKey } = generateLocalSecrets();
  const { LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY: alipayPrivateKey, ...workerSecrets } = secrets;
  const envFile = join(dir, "worker.env");
  writeFileSync(envFile, formatEnvFile(workerSecrets, `${label} stack secrets (test keys)`));

  let sandbox: SandboxServer | undefined;
  let worker: WranglerDev | undefined;
  const stateDir = join(dir, "state");
  const startSandbox = (port = 0) =>
    startSandboxServer({
      ...options.sandbox,
      port,
      merchants: [
        { clientId: secrets.AMS_CLIENT_ID, publicKey: publicKeyOf(secrets.AMS_PRIVATE_KEY) },
      ],
      alipayPrivateKey,
      ...(options.keepSandboxLedger ? { ledgerFile: join(stateDir, "sandbox-ledger.json") } : {}),
    });
  let workerOptions: WranglerDevOptionsFor | undefined;
  try {
    sandbox = await startSandbox();
    let built: { bundle: string; assets: string } | undefined;
    if (options.worker === "storefront") {
      ensureAssetsDirectory(repositoryRoot);
      await applyLocalMigrations(repositoryRoot, stateDir);
    } else {
      const assets = join(dir, "assets");
      writePlaceholderAssets(assets);
      const [bundle] = await Promise.all([
        buildWorkerBundle(repositoryRoot, join(dir, "bundle"), assets),
        applyLocalMigrations(repositoryRoot, stateDir),
      ]);
      built = { bundle, assets };
    }
    const gateway = sandbox.url;
    workerOptions = (port) => ({
      root: repositoryRoot,
      persistTo: stateDir,
      envFile,
      ...built,
      vars: {
        AMS_GATEWAY: gateway,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        ENTRY_RATE_LIMIT: "1000/1",
        ...options.vars,
      },
    });
    worker = await startWranglerDevOnFreePorts(workerOptions);
  } catch (error) {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let [running, server, optionsFor] = [worker, sandbox, workerOptions];
  let restarting: Promise<void> | undefined;
  const stack: LocalStack = {
    workerUrl: running.url,
    sandbox: server,
    apiKey,
    alipayPrivateKey,
    clientId: secrets.AMS_CLIENT_ID,
    stateDir,
    restart: async () => {
      const sandboxPort = Number(new URL(server.url).port);
      const workerPort = Number(new URL(running.url).port);
      await Promise.all([running.stop(), server.close()]);
      server = await startSandbox(sandboxPort);
      running = await startWranglerDev({
        ...optionsFor(workerPort),
        port: workerPort,
        inspectorPort: await freePort(0),
      });
      stack.sandbox = server;
    },
    restartWorker: async () => {
      const port = Number(new URL(running.url).port);
      restarting = (async () => {
        running = await restartWranglerDev(running, optionsFor(port));
      })();
      await restarting;
    },
    stop: async () => {
      await restarting?.catch(() => undefined);
      await Promise.allSettled([running.stop(), server.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}
