/** Sums up a burst: how many were sent, accepted and failed, throughput and latency percentiles. */
import type { BurstResult } from "./http-burst.ts";

/** Figures of one burst (or of several merged). */
export interface BurstSummary {
  /** Requests prepared. */
  total: number;
  /** Requests that got an answer or an error (the rest were cut by the time cap). */
  sent: number;
  /** Answers the caller accepted (e.g. a notification acknowledgement). */
  accepted: number;
  /** Errors and answers not accepted, by status (`"error"` for transport errors). */
  failures: Record<string, number>;
  wallMs: number;
  /** Accepted answers per second of wall time. */
  perSecond: number;
  /** Latency of every sent request, accepted or not. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The value at percentile `p` (nearest rank) of an ascending list; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Sums up one or more bursts; merged bursts add their wall times, as they ran one after another.
 * `accept` decides which answers count (e.g. status 200 with the acknowledgement body).
 */
export function summarizeBursts(
  bursts: readonly BurstResult[],
  accept: (status: number, body: string) => boolean,
): BurstSummary {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let total = 0;
  let accepted = 0;
  let wallMs = 0;
  for (const burst of bursts) {
    total += burst.outcomes.length;
    wallMs += burst.wallMs;
    for (const outcome of burst.outcomes) {
      if (outcome.kind === "not-sent") continue;
      latencies.push(outcome.latencyMs);
      if (outcome.kind === "answered" && accept(outcome.status, outcome.body)) {
        accepted += 1;
      } else {
        const key = outcome.kind === "error" ? "error" : String(outcome.status);
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    total,
    sent: latencies.length,
    accepted,
    failures,
    wallMs,
    perSecond: wallMs > 0 ? (accepted * 1000) / wallMs : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
  };
}
