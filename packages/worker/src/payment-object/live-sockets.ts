import { isFinalStatus } from "@ams-edge/core";
import type { LiveMessage, PaymentView } from "@ams-edge/core/api";

/** The message every live socket receives: the whole view, at once and after each change. */
export function liveMessage(view: PaymentView): string {
  const message: LiveMessage = { type: "payment", payment: view };
  return JSON.stringify(message);
}

/** The view without the fields every change touches, to tell a visible change from bookkeeping. */
export function visiblePart(view: PaymentView): string {
  const { version: _version, updatedAt: _updatedAt, ...rest } = view;
  return JSON.stringify(rest);
}

/**
 * Accepts a live socket with the hibernation API (the object may sleep while sockets stay
 * open), sends the current view, and closes at once when the payment is already final.
 */
export function acceptLiveSocket(ctx: DurableObjectState, view: PaymentView): Response {
  const pair = new WebSocketPair();
  ctx.acceptWebSocket(pair[1]);
  pair[1].send(liveMessage(view));
  if (isFinalStatus(view.status)) pair[1].close(1000, "payment is final");
  return new Response(null, { status: 101, webSocket: pair[0] });
}

/** Sends `view` to every open socket; after a final state, closes them. */
export function broadcast(ctx: DurableObjectState, view: PaymentView): void {
  const message = liveMessage(view);
  const final = isFinalStatus(view.status);
  for (const ws of ctx.getWebSockets()) {
    try {
      ws.send(message);
      if (final) ws.close(1000, "payment is final");
    } catch {
      // A socket closing concurrently: it has nothing more to receive.
    }
  }
}
