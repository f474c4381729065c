/**
 * A bounded closed-loop load generator: `concurrency` loops share one keep-alive `node:http`
 * agent and send prepared requests in order until the list is done or the time cap passes. Each
 * request is timed from just before it is written to the moment its whole answer is read.
 * `node:http` rather than `fetch`: it costs the client less CPU per request, which matters when
 * the client and the server share the same cores.
 */
import { Agent, request } from "node:http";

/** One request, ready to send: nothing is computed while the clock runs. */
export interface PreparedRequest {
  method: "GET" | "POST";
  path: string;
  headers: Readonly<Record<string, string>>;
  body?: Uint8Array;
}

/** What came back for one request: an answer, an error, or nothing (not sent: time cap). */
export type RequestOutcome =
  | {
      kind: "answered";
      status: number;
      body: string;
      latencyMs: number;
      /** When the whole answer had been read (epoch milliseconds). */
      answeredAt: number;
    }
  | { kind: "error"; message: string; latencyMs: number }
  | { kind: "not-sent" };

/** Options of {@link runBurst}. */
export interface BurstOptions {
  /** Origin, e.g. `http://127.0.0.1:8787`. */
  origin: string;
  requests: readonly PreparedRequest[];
  concurrency: number;
  /** No request starts after this many milliseconds from the first one. */
  timeCapMs: number;
  /** A request without a complete answer after this long counts as an error. Default 10 s. */
  requestTimeoutMs?: number;
  /** Keep-alive agent shared across bursts (so connections stay warm); one is made if absent. */
  agent?: Agent;
}

/** The outcome of a burst. */
export interface BurstResult {
  /** One outcome per prepared request, in the same order. */
  outcomes: RequestOutcome[];
  /** From the first request written to the last answer read. */
  wallMs: number;
}

/** A keep-alive agent for {@link runBurst}; destroy it when done. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** Sends every request of `options.requests` with bounded concurrency and a hard time cap. */
export async function runBurst(options: BurstOptions): Promise<BurstResult> {
  const { origin, requests, concurrency, timeCapMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`runBurst: concurrency must be a positive integer, got ${concurrency}`);
  }
  const agent = options.agent ?? keepAliveAgent(concurrency);
  const target = new URL(origin);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const outcomes: RequestOutcome[] = requests.map(() => ({ kind: "not-sent" }));
  const start = performance.now();
  const deadline = start + timeCapMs;
  let next = 0;
  let lastEnd = start;

  const loop = async () => {
    while (next < requests.length && performance.now() < deadline) {
      const index = next;
      next += 1;
      const prepared = requests[index];
      if (prepared === undefined) break;
      outcomes[index] = await send(agent, target, prepared, timeoutMs);
      lastEnd = performance.now();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, loop));
  if (options.agent === undefined) agent.destroy();
  return { outcomes, wallMs: lastEnd - start };
}

function send(
  agent: Agent,
  target: URL,
  prepared: PreparedRequest,
  timeoutMs: number,
): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    const begin = performance.now();
    const elapsed = () => performance.now() - begin;
    const headers =
      prepared.body === undefined
        ? prepared.headers
        : { ...prepared.headers, "content-length": String(prepared.body.byteLength) };
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: prepared.method,
        path: prepared.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            kind: "answered",
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            latencyMs: elapsed(),
            answeredAt: Date.now(),
          }),
        );
        res.on("error", (error) =>
          resolve({ kind: "error", message: error.message, latencyMs: elapsed() }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("error", (error) =>
      resolve({ kind: "error", message: error.message, latencyMs: elapsed() }),
    );
    req.end(prepared.body);
  });
}
