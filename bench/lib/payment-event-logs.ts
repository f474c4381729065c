/**
 * Reads payments' event logs through the Worker's merchant API (`GET /api/payments/:id/events`)
 * and sums up what a load benchmark checks: the notifications each payment stored, and the
 * gateway calls its alarms made inside each of the given time windows.
 */
import type { Agent } from "node:http";
import { runBurst } from "./http-burst.ts";

/** What the event logs of a set of payments hold. */
export interface EventLogSummary {
  /** Stored notifications per payment request id (0 when the log could not be read). */
  notifications: Map<string, number>;
  /** Logs that could not be read (status or error per id). */
  unreadable: Map<string, string>;
  /** Gateway requests (e.g. alarm inquiries) logged inside each window, by operation. */
  gatewayRequests: Record<string, Record<string, number>>;
}

/** A named time window in epoch milliseconds, `from` inclusive, `to` exclusive. */
export interface Window {
  label: string;
  from: number;
  to: number;
}

interface LoggedEvent {
  at: number;
  kind: string;
  data: unknown;
}

/** Reads the event log of every payment in `ids` with the merchant API key. */
export async function readEventLogs(options: {
  origin: string;
  apiKey: string;
  ids: readonly string[];
  windows: readonly Window[];
  agent: Agent;
  concurrency: number;
  timeCapMs: number;
}): Promise<EventLogSummary> {
  const { ids, windows } = options;
  const burst = await runBurst({
    origin: options.origin,
    agent: options.agent,
    concurrency: options.concurrency,
    timeCapMs: options.timeCapMs,
    requests: ids.map((id) => ({
      method: "GET",
      path: `/api/payments/${encodeURIComponent(id)}/events`,
      headers: { authorization: `Bearer ${options.apiKey}` },
    })),
  });
  const notifications = new Map<string, number>();
  const unreadable = new Map<string, string>();
  const gatewayRequests: Record<string, Record<string, number>> = Object.fromEntries(
    windows.map((w) => [w.label, {}]),
  );
  burst.outcomes.forEach((outcome, i) => {
    const id = ids[i] ?? "";
    notifications.set(id, 0);
    if (outcome.kind !== "answered" || outcome.status !== 200) {
      unreadable.set(id, outcome.kind === "answered" ? String(outcome.status) : outcome.kind);
      return;
    }
    const { events } = JSON.parse(outcome.body) as { events: LoggedEvent[] };
    for (const event of events) {
      if (event.kind === "notification") notifications.set(id, (notifications.get(id) ?? 0) + 1);
      if (event.kind !== "request") continue;
      const operation = (event.data as { operation?: unknown } | null)?.operation;
      const name = typeof operation === "string" ? operation : "unknown";
      for (const w of windows) {
        const counts = gatewayRequests[w.label];
        if (counts === undefined || event.at < w.from || event.at >= w.to) continue;
        counts[name] = (counts[name] ?? 0) + 1;
      }
    }
  });
  return { notifications, unreadable, gatewayRequests };
}
