/**
 * Runs `wrangler dev` for the repository's Worker on 127.0.0.1, offline, in its own process group
 * (so that stopping it also stops workerd), with Node 24 from node_modules/.bin.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "./free-port.ts";

/** Environment that keeps wrangler from reaching the network or asking questions. */
export const WRANGLER_OFFLINE_ENV = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
} as const;

function wranglerCommand(root: string): { command: string; args: string[] } {
  return {
    command: join(root, "node_modules", ".bin", "node"),
    args: [join(root, "node_modules", ".bin", "wrangler")],
  };
}

function childEnv(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...WRANGLER_OFFLINE_ENV,
    PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    FORCE_COLOR: "0",
  };
}

/** Applies the D1 migrations to the local database kept under `persistTo`. */
export async function applyLocalMigrations(root: string, persistTo: string): Promise<void> {
  const { command, args } = wranglerCommand(root);
  const child = spawn(
    command,
    [...args, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    {
      cwd: root,
      env: childEnv(root),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`wrangler d1 migrations apply failed (exit ${code}):\n${output}`);
}

/**
 * Bundles the Worker as `wrangler deploy` would (offline, `--dry-run`) into `outdir`; returns the
 * path of the entry module. Running that bundle with `noBundle` keeps `wrangler dev` from
 * reloading when sources change under it.
 */
export async function buildWorkerBundle(
  root: string,
  outdir: string,
  assets?: string,
): Promise<string> {
  const { command, args } = wranglerCommand(root);
  const assetArgs = assets === undefined ? [] : ["--assets", assets];
  const child = spawn(command, [...args, "deploy", "--dry-run", "--outdir", outdir, ...assetArgs], {
    cwd: root,
    env: childEnv(root),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output}`);
  return join(outdir, "index.js");
}

/** Options of {@link startWranglerDev}. */
export interface WranglerDevOptions {
  root: string;
  port: number;
  inspectorPort: number;
  /** Local state (Durable Objects, D1); the default is `.wrangler/state`. */
  persistTo?: string;
  /** Secrets and vars from this file instead of `.dev.vars`. */
  envFile?: string;
  /** Static assets folder instead of wrangler.toml's (a private copy does not reload mid-run). */
  assets?: string;
  /** A bundle made by {@link buildWorkerBundle} to run as is, instead of the sources. */
  bundle?: string;
  /** `--var NAME:value` overrides. */
  vars?: Record<string, string>;
  /** Receives wrangler's output line by line. */
  onOutput?: (line: string) => void;
  /** How long to wait for the Worker to answer (default 60 s). */
  readyTimeoutMs?: number;
}

/** A running `wrangler dev`. */
export interface WranglerDev {
  url: string;
  process: ChildProcess;
  /** Everything wrangler printed so far. */
  output(): string;
  /** Stops wrangler and workerd (the whole process group); resolves once they exited. */
  stop(): Promise<void>;
  /** Resolves when wrangler exits, with its exit code. */
  exited: Promise<number>;
}

/** Starts `wrangler dev` and resolves once `GET /api/health` answers. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const { root, port, inspectorPort } = options;
  const { command, args } = wranglerCommand(root);
  const devArgs = [
    ...args,
    "dev",
    // With an entry point given, wrangler would look for its config beside it: name ours.
    ...(options.bundle === undefined
      ? []
      : [options.bundle, "--no-bundle", "-c", join(root, "wrangler.toml")]),
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--show-interactive-dev-session=false",
    ...(options.persistTo === undefined ? [] : ["--persist-to", options.persistTo]),
    ...(options.envFile === undefined ? [] : ["--env-file", options.envFile]),
    ...(options.assets === undefined ? [] : ["--assets", options.assets]),
    ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  // detached: the child leads a new process group (setsid), so one signal reaches workerd too.
  const child = spawn(command, devArgs, {
    cwd: root,
    env: childEnv(root),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split("\n")) if (line.trim() !== "") options.onOutput?.(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128))),
  );
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const stop = async () => {
    if (!running || child.pid === undefined) return;
    signalGroup(child.pid, "SIGTERM");
    const killer = setTimeout(() => signalGroup(child.pid ?? 0, "SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
    // workerd may outlive wrangler for a moment: make sure the group is gone.
    signalGroup(child.pid, "SIGKILL");
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (!running) throw new Error(`wrangler dev exited before it was ready:\n${output}`);
    // Wrangler reports a taken port but may keep running without serving.
    if (ADDRESS_IN_USE.test(output)) {
      await stop();
      throw new Error(`wrangler dev could not bind its port:\n${output}`);
    }
    try {
      // Bounded: whatever else holds the port may accept the connection and never answer.
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { url, process: child, output: () => output, stop, exited };
    } catch {
      // Not listening yet, or not answering.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} in time:\n${output}`);
}

/** What {@link startWranglerDevOnFreePorts} asks of its caller for a given port. */
export type WranglerDevOptionsFor = (
  port: number,
) => Omit<WranglerDevOptions, "port" | "inspectorPort">;

/**
 * {@link startWranglerDev} on a free port (`preferredPort` when it is free) and a free inspector
 * port. Another process, or wrangler's own workerd binding ports of the OS's choosing, can take a
 * port between the check and wrangler's bind: a start that fails with "Address already in use"
 * is tried again on new ports, three times in all.
 */
export async function startWranglerDevOnFreePorts(
  optionsFor: WranglerDevOptionsFor,
  preferredPort = 0,
): Promise<WranglerDev> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(attempt === 1 ? preferredPort : 0);
    const inspectorPort = await freePort();
    try {
      return await startWranglerDev({ ...optionsFor(port), port, inspectorPort });
    } catch (error) {
      if (attempt >= 3 || !isAddressInUse(error)) throw error;
    }
  }
}

const ADDRESS_IN_USE = /Address already in use|EADDRINUSE/;

/** True for the error of a wrangler dev that could not start because a port was taken. */
export function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && ADDRESS_IN_USE.test(error.message);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Stops `running` and starts `wrangler dev` again with the same options on the same port, so
 * that its URL (and every URL the Worker handed out) stays valid; the local state under
 * `persistTo` is kept. The port was just released: a bind that fails is tried again, five times
 * in all, a quarter of a second apart.
 */
export async function restartWranglerDev(
  running: WranglerDev,
  options: Omit<WranglerDevOptions, "port" | "inspectorPort">,
): Promise<WranglerDev> {
  const port = Number(new URL(running.url).port);
  await running.stop();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startWranglerDev({ ...options, port, inspectorPort: await freePort() });
    } catch (error) {
      if (attempt >= 5 || !isAddressInUse(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
