import type { LiveSocket } from "../client/live-socket.ts";

/** A socket of the fake server: the test drives its events by hand or through the fake Worker. */
export class FakeSocket implements LiveSocket {
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent) => unknown) | null = null;
  onclose: ((event: CloseEvent) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  /** 0 connecting, 1 open, 3 closed (as `WebSocket.readyState`). */
  readyState = 0;
  /** `Date.now()` when it closed, from either side. */
  closedAt: number | null = null;
  /** How the client closed it, if it did. */
  closedByClient: { code: number | undefined; reason: string | undefined } | null = null;

  constructor(readonly url: string) {}

  /** The server accepts the connection. */
  open(): void {
    if (this.readyState !== 0) return;
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  /** The server sends `data` (an object is sent as JSON). */
  receive(data: unknown): void {
    if (this.readyState !== 1) return;
    const text = typeof data === "string" ? data : JSON.stringify(data);
    this.onmessage?.(new MessageEvent("message", { data: text }));
  }

  /** The connection ends from the server's side or the network's (1006: abnormal). */
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    if (code !== 1000) this.onerror?.(new Event("error"));
    this.readyState = 3;
    this.closedAt = Date.now();
    this.onclose?.(closeEvent(code));
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === 3) return;
    this.closedByClient = { code, reason };
    this.readyState = 3;
    this.closedAt = Date.now();
    // A browser reports the close later, as a task; the hooks must not depend on it.
    setTimeout(() => this.onclose?.(closeEvent(code ?? 1005)), 0);
  }
}

function closeEvent(code: number): CloseEvent {
  const event = new Event("close") as Event & { code: number };
  event.code = code;
  return event as CloseEvent;
}
