/**
 * The part of a WebSocket the hooks use. The browser's `WebSocket` fits; tests pass a fake.
 */
export interface LiveSocket {
  /** Called once the connection is open. */
  onopen: ((event: Event) => unknown) | null;
  /** Called with each message; `event.data` is the JSON text. */
  onmessage: ((event: MessageEvent) => unknown) | null;
  /** Called once when the connection ends, whatever the reason. */
  onclose: ((event: CloseEvent) => unknown) | null;
  /** Called when the connection fails; `onclose` follows. */
  onerror: ((event: Event) => unknown) | null;
  /** Ends the connection. */
  close(code?: number, reason?: string): void;
}

/** A WebSocket constructor: `globalThis.WebSocket`, or a fake in tests. */
export type LiveSocketConstructor = new (url: string) => LiveSocket;

/** Turns an `http(s)` URL (absolute, or relative to the page) into the matching `ws(s)` URL. */
export function toWebSocketUrl(httpUrl: string): string {
  return new URL(httpUrl, globalThis.location?.href).href.replace(/^http/, "ws");
}
