/**
 * The local stack that the end-to-end, soak and browser suites and the benchmarks drive: the
 * sandbox gateway in this process and the Worker under `wrangler dev`, on free ports, with fresh
 * test keys and a private state folder. `stop()` always stops wrangler's whole process group and
 * removes the folder. (`npm start` runs the same parts, but keeps its keys and state.)
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
import { formatEnvFile, generateLocalSecrets, publicKeyOf } from "./local-secrets.ts";
import {
  applyLocalMigrations,
  buildWorkerBundle,
  restartWranglerDev,
  startWranglerDevOnFreePorts,
  type WranglerDev,
  type WranglerDevOptions,
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
   * Stops `wrangler dev` and starts it again on the same port and the same local state (Durable
   * Objects with their storage and alarms, D1), as a deploy or an eviction would: requests in
   * flight are cut off, and the objects wake up from storage.
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
  let workerOptions: Omit<WranglerDevOptions, "port" | "inspectorPort"> | undefined;
  const stateDir = join(dir, "state");
  try {
    sandbox = await startSandboxServer({
      ...options.sandbox,
      merchants: [
        { clientId: secrets.AMS_CLIENT_ID, publicKey: publicKeyOf(secrets.AMS_PRIVATE_KEY) },
      ],
      alipayPrivateKey,
    });
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
    worker = await startWranglerDevOnFreePorts((port) => {
      workerOptions = {
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
      };
      return workerOptions;
    });
  } catch (error) {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let running = worker;
  const server = sandbox;
  const devOptions = workerOptions;
  let restarting: Promise<void> | undefined;
  return {
    workerUrl: running.url,
    sandbox: server,
    apiKey,
    alipayPrivateKey,
    clientId: secrets.AMS_CLIENT_ID,
    stateDir,
    restartWorker: async () => {
      if (devOptions === undefined) throw new Error("restartWorker: the Worker never started");
      restarting = (async () => {
        running = await restartWranglerDev(running, devOptions);
      })();
      await restarting;
    },
    stop: async () => {
      await restarting?.catch(() => undefined);
      await Promise.allSettled([running.stop(), server.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
