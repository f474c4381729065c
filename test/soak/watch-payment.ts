/**
 * Waiting for a payment's status: the live WebSocket pushes every change, and a slow poll of
 * `GET /api/payments/:id` backs it up (a socket closes after a final status, and a later change,
 * such as a reversal, reaches only the poll). Polling alone would load the Worker enough to slow
 * the very payments it waits for.
 */
import type { Stack } from "../e2e/stack.ts";

/** The fields of a driven payment that watching reads and updates. */
export interface Watched {
  paymentRequestId: string | null;
  statusToken: string | null;
  /** The last status seen. */
  lastStatus: string | null;
  /** Status reads (and live messages) that failed. */
  readErrors: number;
}

/** The outcome of {@link watchStatus}. */
export interface WatchOutcome {
  /** True when the status satisfied the condition in time. */
  readonly held: boolean;
  /** The last status seen. */
  readonly status: string | null;
}

/** How often the backup poll reads the status. */
export const POLL_INTERVAL_MS = 1000;

/** Reads the status with the payment's status token; null (and counted) when the read failed. */
export async function readStatus(stack: Stack, watched: Watched): Promise<string | null> {
  try {
    const response = await fetch(
      `${stack.workerUrl}/api/payments/${watched.paymentRequestId}?token=${watched.statusToken}`,
    );
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const status = ((await response.json()) as { status: string }).status;
    watched.lastStatus = status;
    return status;
  } catch {
    watched.readErrors += 1;
    return null;
  }
}

/**
 * Resolves once `done(status)` holds (checked against the last status first, then every pushed
 * or polled one), or after `timeoutMs`, or when `signal` aborts.
 */
export function watchStatus(
  stack: Stack,
  watched: Watched,
  done: (status: string) => boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<WatchOutcome> {
  if (watched.lastStatus !== null && done(watched.lastStatus)) {
    return Promise.resolve({ held: true, status: watched.lastStatus });
  }
  return new Promise((resolve) => {
    const url = `${stack.workerUrl.replace(/^http/, "ws")}/api/payments/${watched.paymentRequestId}/live?token=${watched.statusToken}`;
    const socket = new WebSocket(url);
    let finished = false;
    const see = (status: string | null) => {
      if (status !== null && done(status)) finish(true);
    };
    const poller = setInterval(() => {
      void readStatus(stack, watched).then(see);
    }, POLL_INTERVAL_MS);
    const timer = setTimeout(() => finish(false), timeoutMs);
    const onAbort = () => finish(false);
    signal.addEventListener("abort", onAbort, { once: true });
    function finish(held: boolean) {
      if (finished) return;
      finished = true;
      clearInterval(poller);
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.close();
      resolve({ held, status: watched.lastStatus });
    }
    socket.addEventListener("message", (event) => {
      try {
        const message = JSON.parse(String(event.data)) as { payment?: { status?: unknown } };
        const status = message.payment?.status;
        if (typeof status !== "string") return;
        watched.lastStatus = status;
        see(status);
      } catch {
        watched.readErrors += 1;
      }
    });
    if (signal.aborted) finish(false);
  });
}
