/**
 * The local stack for end-to-end tests: the sandbox gateway in this process and the Worker under
 * `wrangler dev`, on free ports, with fresh keys, a private state folder and fast clocks. `stop()`
 * always kills wrangler's whole process group.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "@ams-edge/sandbox";
import { type SandboxServer, startSandboxServer } from "@ams-edge/sandbox/node";
import { writePlaceholderAssets } from "../../scripts/lib/ensure-assets.ts";
import { freePort } from "../../scripts/lib/free-port.ts";
import {
  formatEnvFile,
  generateLocalSecrets,
  publicKeyOf,
} from "../../scripts/lib/local-secrets.ts";
import {
  applyLocalMigrations,
  buildWorkerBundle,
  startWranglerDev,
  type WranglerDev,
} from "../../scripts/lib/wrangler-dev.ts";

const root = join(import.meta.dirname, "..", "..");

/** Every delay of the Worker's payment schedule is divided by this (2 s inquiry → 100 ms). */
export const SCHEDULE_SCALE = 20;

/** A running stack. */
export interface Stack {
  workerUrl: string;
  sandbox: SandboxServer;
  apiKey: string;
  /** The key that plays the provider's: tests sign their own notifications with it. */
  alipayPrivateKey: string;
  clientId: string;
  /** The Worker's local state (Durable Objects, D1), removed by `stop()`. */
  stateDir: string;
  /** Puts the sandbox's clock `ms` behind real time (0 puts it back). */
  setSandboxLag(ms: number): void;
  stop(): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /** `--var`s for the Worker, over the defaults (e.g. `SCHEDULE_SCALE: "1"` for real clocks). */
  vars?: Record<string, string>;
}

/** Starts the sandbox and the Worker; rejects (after cleaning up) if either does not come up. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "ams-edge-e2e-"));
  // A private assets folder: a storefront build running meanwhile cannot reload the Worker.
  const assets = join(dir, "assets");
  writePlaceholderAssets(assets);
  const { secrets, apiKey } = generateLocalSecrets();
  const envFile = join(dir, "worker.env");
  const { LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY: alipayPrivateKey, ...workerSecrets } = secrets;
  writeFileSync(envFile, formatEnvFile(workerSecrets, "end-to-end test secrets"));

  let lagMs = 0;
  const clock: Clock = {
    now: () => Date.now() - lagMs,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms)),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const sandbox = await startSandboxServer({
    merchants: [
      { clientId: secrets.AMS_CLIENT_ID, publicKey: publicKeyOf(secrets.AMS_PRIVATE_KEY) },
    ],
    alipayPrivateKey,
    clock,
    // The provider's resend schedule (0 s, 2 min, 10 min, ... 15 h) in about one second overall.
    timeScale: 0.00001,
    notifyTimeoutMs: 5000,
  });
  let worker: WranglerDev | undefined;
  const persistTo = join(dir, "state");
  try {
    // The deploy bundle, not the sources: what Cloudflare would run, and no reload mid-test when
    // a source file changes.
    const [bundle] = await Promise.all([
      buildWorkerBundle(root, join(dir, "bundle"), assets),
      applyLocalMigrations(root, persistTo),
    ]);
    const port = await freePort();
    worker = await startWranglerDev({
      root,
      port,
      inspectorPort: await freePort(),
      persistTo,
      envFile,
      bundle,
      assets,
      vars: {
        AMS_GATEWAY: sandbox.url,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SCHEDULE_SCALE: String(SCHEDULE_SCALE),
        ENTRY_RATE_LIMIT: "1000/1",
        ...options.vars,
      },
    });
  } catch (error) {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = worker;
  return {
    workerUrl: running.url,
    sandbox,
    apiKey,
    alipayPrivateKey,
    clientId: secrets.AMS_CLIENT_ID,
    stateDir: persistTo,
    setSandboxLag: (ms) => {
      lagMs = ms;
    },
    stop: async () => {
      await Promise.allSettled([running.stop(), sandbox.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
