/**
 * One GET whose answer is read as it streams and dropped chunk by chunk: the time to its first
 * byte and to its end, its size and its line count, without holding the body in this process.
 */
import { type Agent, request } from "node:http";

/** What a streamed answer cost. */
export interface StreamedAnswer {
  status: number;
  /** From writing the request to the first byte of the body. */
  firstByteMs: number;
  /** From writing the request to the end of the body. */
  totalMs: number;
  bytes: number;
  /** Line feeds in the body. */
  lines: number;
}

/** GETs `path` from `origin` and reads the whole answer. */
export function streamedGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
  agent: Agent,
  timeoutMs = 120_000,
): Promise<StreamedAnswer> {
  const target = new URL(origin);
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    const req = request(
      { agent, host: target.hostname, port: target.port, path, headers },
      (res) => {
        let firstByteMs = Number.NaN;
        let bytes = 0;
        let lines = 0;
        res.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - begin;
          bytes += chunk.length;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            firstByteMs,
            totalMs: performance.now() - begin,
            bytes,
            lines,
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`no complete answer in ${timeoutMs} ms`)),
    );
    req.on("error", reject);
    req.end();
  });
}
