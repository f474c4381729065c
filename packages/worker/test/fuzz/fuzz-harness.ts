import { exports } from "cloudflare:workers";
import { NOTIFICATION_ACK_BODY } from "@ams-edge/core";
import fc from "fast-check";
import { expect } from "vitest";
import { type WorkerErrorCode, workerErrorStatus } from "../../src/http/worker-error.ts";
import type { Expected } from "./http-spec.ts";

/** The three public surfaces the sweep covers. */
export type Surface = "notify" | "merchant" | "entry";

/** Fixed seed: every run sends the same inputs, so a failure reproduces. */
export const FUZZ_SEED = 20_261_120;

// A guard against hangs, not a speed check: an answer that takes this long never comes.
const HANG_MS = 15_000;

/** An answer as the sweep checks it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

interface Tally {
  inputs: number;
  serverErrors: number;
  statuses: Map<number, number>;
}

const tallies = new Map<Surface, Tally>();

function tallyOf(surface: Surface): Tally {
  let tally = tallies.get(surface);
  if (tally === undefined) {
    tally = { inputs: 0, serverErrors: 0, statuses: new Map() };
    tallies.set(surface, tally);
  }
  return tally;
}

/** Sends one input to the Worker and reads the whole answer, failing if either never ends. */
export async function exchange(surface: Surface, request: Request): Promise<Answer> {
  const label = `${request.method} ${new URL(request.url).pathname}`;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no complete answer to ${label}`)), HANG_MS);
  });
  const answer = (async (): Promise<Answer> => {
    const response = await exports.default.fetch(request);
    return { status: response.status, headers: response.headers, body: await response.text() };
  })();
  try {
    const result = await Promise.race([answer, hang]);
    const tally = tallyOf(surface);
    tally.inputs += 1;
    if (result.status >= 500) tally.serverErrors += 1;
    tally.statuses.set(result.status, (tally.statuses.get(result.status) ?? 0) + 1);
    return result;
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

function errorBodyOf(answer: Answer): { code: string; message: string } {
  const parsed: unknown = JSON.parse(answer.body);
  expect(parsed).toStrictEqual({
    error: { code: expect.any(String), message: expect.any(String) },
  });
  return (parsed as { error: { code: string; message: string } }).error;
}

/** Checks an answer against what its input must get. */
export function expectAnswer(answer: Answer, expected: Expected): void {
  if (expected.kind === "acknowledged") {
    expect([answer.status, answer.body]).toStrictEqual([200, NOTIFICATION_ACK_BODY]);
    return;
  }
  if (expected.kind === "bodiless") {
    expect([answer.status, answer.body]).toStrictEqual([expected.status, ""]);
    return;
  }
  const error = errorBodyOf(answer);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json\b/);
  expect(expected.codes).toContain(error.code);
  const status = workerErrorStatus[error.code as WorkerErrorCode];
  expect([answer.status, answer.status >= 400 && answer.status < 500]).toStrictEqual([
    status,
    true,
  ]);
  expect(error.message.length).toBeGreaterThan(0);
  if (error.code === "RATE_LIMITED") {
    expect(answer.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
  }
  if (error.code === "API_KEY_INVALID" || error.code === "STATUS_TOKEN_INVALID") {
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="ams-edge"');
  }
}

/** Runs one property over `runs` generated inputs with the sweep's seed. */
export async function sweep<T>(
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  check: (input: T) => Promise<void>,
): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: runs, seed: FUZZ_SEED });
}

/** Inputs sent, 5xx answers seen, and statuses per surface so far. */
export function sweepTotals(): {
  surfaces: Record<Surface, { inputs: number; serverErrors: number; statuses: string }>;
  inputs: number;
  serverErrors: number;
} {
  const surfaces = {} as Record<
    Surface,
    { inputs: number; serverErrors: number; statuses: string }
  >;
  let inputs = 0;
  let serverErrors = 0;
  for (const surface of ["notify", "merchant", "entry"] as const) {
    const tally = tallyOf(surface);
    const statuses = [...tally.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ");
    surfaces[surface] = { inputs: tally.inputs, serverErrors: tally.serverErrors, statuses };
    inputs += tally.inputs;
    serverErrors += tally.serverErrors;
  }
  return { surfaces, inputs, serverErrors };
}
