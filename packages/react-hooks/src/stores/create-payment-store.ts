import type { AmsEdgeError } from "@ams-edge/core";
import type { WorkerClient } from "../client/create-worker-client.ts";
import type { LiveSocket } from "../client/live-socket.ts";
import { isFinalViewStatus, isPaymentView, type PaymentView } from "../client/payment-view.ts";
import { isWorkerApiError, toAmsEdgeError } from "../client/worker-api-error.ts";
import { type ConnectionState, type PaymentState, toPaymentState } from "../state/payment-state.ts";
import {
  defaultFollowTiming,
  type FollowTiming,
  pollInterval,
  reconnectDelay,
} from "./follow-timing.ts";
import { type ExternalStore, snapshotCell } from "./snapshot-store.ts";

/** What {@link createPaymentStore} follows and how. */
export interface PaymentStoreOptions {
  client: WorkerClient;
  paymentRequestId: string;
  /** The token returned when the payment was created; it reads this payment only. */
  statusToken: string;
  /** The payment as already known (e.g. the creation response), to render without waiting. */
  initial?: PaymentView;
  /** Clock in epoch ms (default `Date.now`). */
  now?: () => number;
  /** Jitter source in [0, 1) (default `Math.random`). */
  random?: () => number;
  timing?: Partial<FollowTiming>;
}

/** A store that follows one payment until it reaches a final state. */
export interface PaymentStore extends ExternalStore<PaymentState> {
  /** Asks the Worker now and reconnects the socket if it is down (called on `online` too). */
  refresh(): void;
  /** Takes a newer view of the payment from elsewhere (e.g. a cancel response). */
  apply(payment: PaymentView): void;
  /** Clears an error and follows again, even a payment that looked final (e.g. a mismatch). */
  retry(): void;
}

/**
 * Follows a payment: live over the Worker's WebSocket (reconnecting with jittered backoff), with
 * polling as the safety net while no socket is open (every 2 s for a minute, then every 10 s), a
 * resync on `online` and when the page becomes visible, and a resync when the code expires.
 * Work starts with the first subscriber and stops with the last one or on a final state.
 * @example
 * const store = createPaymentStore({ client, paymentRequestId, statusToken });
 * const stop = store.subscribe(() => console.log(store.getSnapshot().status));
 */
export function createPaymentStore(options: PaymentStoreOptions): PaymentStore {
  const { client, paymentRequestId: id, statusToken: token } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timing = { ...defaultFollowTiming, ...options.timing };

  let view = options.initial ?? null;
  let connection: ConnectionState = "connecting";
  let fatal: AmsEdgeError | null = null;
  let running = false;
  let socket: LiveSocket | null = null;
  let socketOpen = false;
  let liveAvailable = true;
  let attempt = 0;
  let startedAt = 0;
  let inFlight = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setTimeout> | undefined;

  const compute = (): PaymentState =>
    fatal
      ? { status: "error", paymentRequestId: id, payment: view, error: fatal }
      : view
        ? toPaymentState(view, connection, now())
        : { status: "creating", paymentRequestId: id, payment: null, connection };
  // What a screen can see of a state; an update that changes none of it is not an update.
  const signature = (s: PaymentState) =>
    "payment" in s
      ? [
          s.status,
          s.payment?.version,
          "connection" in s && s.connection,
          "secondsLeft" in s && s.secondsLeft,
          "error" in s && s.error.code,
        ].join()
      : s.status;

  const initial = compute();
  const cell = snapshotCell(initial, start, stop);
  const finished = () => fatal !== null || (view !== null && isFinalViewStatus(view.status));

  function emit() {
    const next = compute();
    if (signature(next) !== signature(cell.get())) cell.set(next);
    if (finished()) teardown();
  }

  function setConnection(next: ConnectionState) {
    connection = next;
    emit();
  }

  function accept(payment: unknown): boolean {
    if (!isPaymentView(payment) || payment.paymentRequestId !== id) return false;
    if (view !== null && payment.version <= view.version) return false;
    view = payment;
    return true;
  }

  function start() {
    if (finished()) return;
    running = true;
    startedAt = now();
    globalThis.addEventListener?.("online", refresh);
    globalThis.document?.addEventListener("visibilitychange", onVisibility);
    connect();
    schedulePoll(view || socket ? undefined : 0);
    scheduleTick();
  }

  function teardown() {
    clearTimeout(pollTimer);
    clearTimeout(reconnectTimer);
    clearTimeout(tickTimer);
    pollTimer = reconnectTimer = tickTimer = undefined;
    globalThis.removeEventListener?.("online", refresh);
    globalThis.document?.removeEventListener("visibilitychange", onVisibility);
    const open = socket;
    socket = null;
    socketOpen = false;
    open?.close(1000, "done");
  }

  function stop() {
    running = false;
    teardown();
  }

  function connect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    if (!liveAvailable || socket) return;
    let s: LiveSocket | null;
    try {
      s = client.openLive(id, token);
      if (!s) liveAvailable = false;
    } catch {
      s = null;
      scheduleReconnect();
    }
    if (!s) return;
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      socketOpen = true;
      attempt = 0;
      clearTimeout(pollTimer);
      pollTimer = undefined;
      setConnection("live");
    };
    s.onmessage = (event) => {
      if (socket !== s || typeof event.data !== "string") return;
      let message: { type?: unknown; payment?: unknown };
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === "payment" && accept(message.payment)) emit();
      scheduleTick();
    };
    s.onclose = () => {
      if (socket !== s) return;
      const wasOpen = socketOpen;
      socket = null;
      socketOpen = false;
      if (!running || finished()) return;
      if (wasOpen) {
        setConnection("connecting");
        void poll();
      } else schedulePoll(view ? undefined : 0);
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (!running || reconnectTimer !== undefined || finished()) return;
    const delay = reconnectDelay(attempt, random, timing);
    attempt += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  function schedulePoll(delay = pollInterval(now() - startedAt, timing)) {
    if (!running || socketOpen || inFlight || pollTimer !== undefined || finished()) return;
    pollTimer = setTimeout(poll, delay);
  }

  async function poll() {
    clearTimeout(pollTimer);
    pollTimer = undefined;
    if (inFlight || !running) return;
    inFlight = true;
    try {
      const payment = await client.getPayment(id, token);
      accept(payment);
      connection = socketOpen ? "live" : "polling";
      emit();
    } catch (error) {
      if (isWorkerApiError(error) && error.transient) setConnection("offline");
      else {
        fatal = toAmsEdgeError(error);
        emit();
      }
    } finally {
      inFlight = false;
    }
    scheduleTick();
    schedulePoll();
  }

  function scheduleTick() {
    const state = cell.get();
    if (!running || tickTimer !== undefined || state.status !== "awaiting_scan") return;
    const ms = Date.parse(state.expiresAt) - now();
    if (!(ms > 0)) return;
    tickTimer = setTimeout(
      () => {
        tickTimer = undefined;
        emit();
        const current = cell.get();
        if (current.status === "awaiting_scan" && current.secondsLeft === 0) void poll();
        else scheduleTick();
      },
      ms % 1000 || 1000,
    );
  }

  function refresh() {
    if (!running || finished()) return;
    attempt = 0;
    void poll();
    connect();
  }

  function onVisibility() {
    if (globalThis.document?.visibilityState === "visible") refresh();
  }

  return {
    getSnapshot: cell.get,
    getServerSnapshot: () => initial,
    subscribe: cell.subscribe,
    refresh,
    apply(payment) {
      if (accept(payment)) emit();
      scheduleTick();
    },
    retry() {
      fatal = null;
      teardown();
      emit();
      if (!cell.active()) return;
      running = true;
      // A payment that looks final (a mismatch) gets one fresh read; anything else is followed.
      if (finished()) void poll();
      else start();
    },
  };
}
