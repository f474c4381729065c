/**
 * `@ams-edge/sandbox/node`: serves a sandbox over HTTP with `node:http`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { createSandbox } from "./sandbox/create-sandbox.ts";
import type { Sandbox } from "./sandbox/sandbox.ts";
import type { SandboxOptions } from "./sandbox/sandbox-options.ts";
import { checkLedgerSnapshot, type LedgerSnapshot } from "./state/ledger-snapshot.ts";

/** Options of {@link startSandboxServer}: the sandbox's, plus where to listen. */
export interface SandboxServerOptions extends SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on (default `127.0.0.1`: this machine only). */
  readonly host?: string;
  /**
   * A JSON file that keeps the ledger (payments and refunds) across restarts: read at start
   * when it exists (in place of `ledger`), rewritten after every change (mode 0600; it takes
   * the place of `onLedgerChange`).
   */
  readonly ledgerFile?: string;
}

/** A sandbox listening on HTTP. */
export interface SandboxServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`: the client's `gateway`. */
  readonly url: string;
  /** The sandbox behind it, for inspection and control in tests. */
  readonly sandbox: Sandbox;
  /** Closes the sandbox (timers, hung answers, deliveries), then the server and its connections. */
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? "GET";
  const url = new URL(
    req.url ?? "/",
    req.headers.host === undefined ? origin : `http://${req.headers.host}`,
  );
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

// Streams the body, so that headers and the first bytes go out before a stalled rest; a client
// that disconnects cancels the stream (which releases a stalled body).
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (res.destroyed) {
    await response.body?.cancel();
    return;
  }
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once("close", () => {
    reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

/** The `ledger` and `onLedgerChange` options of a ledger kept in `file`. */
function fileLedger(file: string): Pick<SandboxOptions, "ledger" | "onLedgerChange"> {
  let ledger: LedgerSnapshot | undefined;
  if (existsSync(file)) {
    try {
      ledger = checkLedgerSnapshot(JSON.parse(readFileSync(file, "utf8")));
    } catch (error) {
      throw new TypeError(
        `startSandboxServer: ${file} is not a sandbox ledger (${(error as Error).message}); move it away or delete it to start empty`,
      );
    }
  }
  const onLedgerChange = (snapshot: LedgerSnapshot): void => {
    // Written beside and renamed over, so that a crash mid-write leaves the previous ledger.
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    writeFileSync(partial, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
    renameSync(partial, file);
  };
  return ledger === undefined ? { onLedgerChange } : { ledger, onLedgerChange };
}

/**
 * Starts a sandbox on `127.0.0.1` (by default on a free port) and resolves once it listens.
 *
 * @example
 * const server = await startSandboxServer({ merchants: [{ clientId, publicKey }], alipayPrivateKey });
 * const client = createAmsClient({ clientId, privateKey, alipayPublicKey, gateway: server.url });
 * // ...
 * await server.close();
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { port = 0, host = "127.0.0.1", ledgerFile, ...sandboxOptions } = options;
  const sandbox = createSandbox(
    ledgerFile === undefined ? sandboxOptions : { ...sandboxOptions, ...fileLedger(ledgerFile) },
  );
  let origin = `http://${host}`;
  const server = createServer((req, res) => {
    res.on("error", () => undefined);
    toRequest(req, origin)
      .then((request) => sandbox.fetch(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        // A body that failed after its headers went out: the connection is all that is left to end.
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "SANDBOX_ERROR", message: String(error) } }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: origin,
    sandbox,
    close() {
      closing ??= (async () => {
        await sandbox.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

export type { Sandbox, SandboxOptions };
