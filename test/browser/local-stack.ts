/**
 * The local stack the browser suite and the latency benchmark drive: the sandbox gateway in this
 * process and the Worker under `wrangler dev` (serving examples/storefront/dist), on free ports,
 * with fresh keys and a private state folder, as `npm start` runs it. `stop()` always stops
 * wrangler's whole process group and removes the folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SandboxServer, startSandboxServer } from "@ams-edge/sandbox/node";
import { ensureAssetsDirectory } from "../../scripts/lib/ensure-assets.ts";
import { freePort } from "../../scripts/lib/free-port.ts";
import {
  formatEnvFile,
  generateLocalSecrets,
  publicKeyOf,
} from "../../scripts/lib/local-secrets.ts";
import {
  applyLocalMigrations,
  startWranglerDev,
  type WranglerDev,
} from "../../scripts/lib/wrangler-dev.ts";

/** The repository root. */
export const repositoryRoot = join(import.meta.dirname, "..", "..");

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /** How the sandbox delivers notifications to the Worker (default: the global `fetch`). */
  notifyFetch?: typeof fetch;
  /** Extra `--var`s for the Worker (e.g. `SCHEDULE_SCALE`). */
  vars?: Record<string, string>;
}

/** A running stack. */
export interface LocalStack {
  /** The Worker's origin, e.g. `http://127.0.0.1:41234`; it serves the storefront too. */
  workerUrl: string;
  sandbox: SandboxServer;
  /** A merchant API key the Worker accepts. */
  apiKey: string;
  stop(): Promise<void>;
}

/** Starts the sandbox and the Worker; rejects (after cleaning up) if either does not come up. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  ensureAssetsDirectory(repositoryRoot);
  const dir = mkdtempSync(join(tmpdir(), "ams-edge-browser-"));
  const { secrets, apiKey } = generateLocalSecrets();
  const { LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY: alipayPrivateKey, ...workerSecrets } = secrets;
  const envFile = join(dir, "worker.env");
  writeFileSync(envFile, formatEnvFile(workerSecrets, "browser suite secrets (test keys)"));

  const sandbox = await startSandboxServer({
    merchants: [
      { clientId: secrets.AMS_CLIENT_ID, publicKey: publicKeyOf(secrets.AMS_PRIVATE_KEY) },
    ],
    alipayPrivateKey,
    ...(options.notifyFetch ? { fetch: options.notifyFetch } : {}),
  });
  let worker: WranglerDev | undefined;
  try {
    const persistTo = join(dir, "state");
    await applyLocalMigrations(repositoryRoot, persistTo);
    const port = await freePort();
    worker = await startWranglerDev({
      root: repositoryRoot,
      port,
      inspectorPort: await freePort(),
      persistTo,
      envFile,
      vars: {
        AMS_GATEWAY: sandbox.url,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
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
    stop: async () => {
      await Promise.allSettled([running.stop(), sandbox.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
