/**
 * Acknowledged against stored, per payment request id: a notification the Worker acknowledged
 * must be in storage; one stored without an acknowledgement (the answer timed out) is harmless,
 * since the provider resends it and a duplicate changes nothing.
 */
import type { BurstResult } from "./http-burst.ts";

/** Totals of {@link compareStored}. */
export interface StorageTotals {
  acknowledged: number;
  /** Acknowledged and found. */
  found: number;
  /** Acknowledged but not found. */
  lost: number;
  /** Found but not acknowledged. */
  extra: number;
}

/**
 * Adds the acknowledgements of `burst` to `into`: request `i` of the burst was for
 * `ids[i % ids.length]`, and `isAck` tells an acknowledgement.
 */
export function countAcknowledged(
  into: Map<string, number>,
  ids: readonly string[],
  burst: BurstResult,
  isAck: (status: number, body: string) => boolean,
): void {
  burst.outcomes.forEach((outcome, i) => {
    const id = ids[i % ids.length] ?? "";
    const ok = outcome.kind === "answered" && isAck(outcome.status, outcome.body);
    into.set(id, (into.get(id) ?? 0) + (ok ? 1 : 0));
  });
}

/** Compares acknowledged and stored counts, id by id. */
export function compareStored(
  acknowledged: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, number>,
): StorageTotals {
  const totals = { acknowledged: 0, found: 0, lost: 0, extra: 0 };
  for (const [id, n] of acknowledged) {
    const s = stored.get(id) ?? 0;
    totals.acknowledged += n;
    totals.found += Math.min(n, s);
    totals.lost += Math.max(0, n - s);
    totals.extra += Math.max(0, s - n);
  }
  return totals;
}
