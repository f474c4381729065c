import type { AmsEdgeError } from "@ams-edge/core";
import type { LiveMessage, PaymentView } from "@ams-edge/core/api";
import type { WorkerClient } from "../client/create-worker-client.ts";
import type { LiveSocket } from "../client/live-socket.ts";
import { isPaymentView } from "../client/payment-view.ts";
import { toAmsEdgeError, type WorkerApiError } from "../client/worker-api-error.ts";
import {
  type ConnectionState,
  isFinalState,
  type PaymentScreenState,
  toPaymentScreenState,
} from "../state/payment-state.ts";
import { defaultFollowTiming, type FollowTiming } from "./follow-timing.ts";
import { type ExternalStore, snapshotCell } from "./snapshot-store.ts";
import { timer } from "./timer.ts";

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
export interface PaymentStore extends ExternalStore<PaymentScreenState> {
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
  const poller = timer();
  const reconnector = timer();
  const ticker = timer();

  let view = options.initial ?? null;
  let connection: ConnectionState = "connecting";
  let fatal: AmsEdgeError | null = null;
  let socket: LiveSocket | null = null;
  let open = false;
  let attempt = 0;
  let startedAt = 0;
  let inFlight = false;
  // Removes the `online` and `visibilitychange` listeners.
  let listening: AbortController | undefined;

  const compute = (): PaymentScreenState =>
    fatal
      ? { status: "error", paymentRequestId: id, payment: view, error: fatal }
      : view
        ? toPaymentScreenState(view, connection, now())
        : { status: "creating", paymentRequestId: id, payment: null, connection };

  const initial = compute();
  const cell = snapshotCell(initial, initial, start, teardown);
  const finished = () => isFinalState(compute());
  const idle = () => !cell.active() || finished();

  function emit(next = connection) {
    connection = next;
    const state = compute();
    if (visible(state) !== visible(cell.get())) cell.set(state);
    if (finished()) teardown();
    else scheduleTick();
  }

  /** Takes `payment` when it is this payment's and newer than what is known, and emits. */
  function take(payment: unknown, next?: ConnectionState) {
    if (isPaymentView(payment) && payment.paymentRequestId === id) {
      if (!view || payment.version > view.version) view = payment;
    }
    emit(next);
  }

  function start() {
    if (finished()) return;
    startedAt = now();
    listening = new AbortController();
    const { signal } = listening;
    globalThis.addEventListener?.("online", refresh, { signal });
    globalThis.document?.addEventListener(
      "visibilitychange",
      () => document.visibilityState === "visible" && refresh(),
      { signal },
    );
    connect();
    schedulePoll(view || socket ? undefined : 0);
    scheduleTick();
  }

  function teardown() {
    poller.stop();
    reconnector.stop();
    ticker.stop();
    listening?.abort();
    const closing = socket;
    socket = null;
    open = false;
    closing?.close(1000, "done");
  }

  function connect() {
    reconnector.stop();
    if (socket) return;
    let s: LiveSocket | null = null;
    try {
      // Null without a WebSocket constructor: polling alone follows the payment.
      s = client.openLive(id, token);
    } catch {
      scheduleReconnect();
    }
    if (!s) return;
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      open = true;
      attempt = 0;
      poller.stop();
      emit("live");
    };
    s.onmessage = (event) => {
      if (socket !== s) return;
      // A LiveMessage of the contract, checked field by field before anything is taken from it.
      let message: Partial<Record<keyof LiveMessage, unknown>> | null;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      take(message?.type === "payment" && message.payment);
    };
    s.onclose = () => {
      if (socket !== s) return;
      const wasOpen = open;
      socket = null;
      open = false;
      if (idle()) return;
      if (wasOpen) {
        emit("connecting");
        void poll();
      } else schedulePoll(view ? undefined : 0);
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (idle() || reconnector.pending()) return;
    // Equal jitter (half fixed, half random) so that a room full of screens that lost the same
    // Worker do not all come back in the same millisecond.
    const ceiling = Math.min(timing.reconnectMaxMs, timing.reconnectBaseMs * 2 ** attempt++);
    reconnector.start(connect, Math.round(ceiling / 2 + (random() * ceiling) / 2));
  }

  function schedulePoll(
    delay = now() - startedAt < timing.fastPhaseMs ? timing.pollFastMs : timing.pollSlowMs,
  ) {
    if (!idle() && !open && !inFlight && !poller.pending()) poller.start(poll, delay);
  }

  async function poll() {
    poller.stop();
    if (inFlight || !cell.active()) return;
    inFlight = true;
    try {
      take(await client.getPayment(id, token), open ? "live" : "polling");
    } catch (error) {
      const failure = toAmsEdgeError(error);
      // Only a WorkerApiError says `transient`: worth asking again later.
      if ((failure as Partial<WorkerApiError>).transient) emit("offline");
      else {
        fatal = failure;
        emit();
      }
    } finally {
      inFlight = false;
    }
    schedulePoll();
  }

  function scheduleTick() {
    const state = cell.get();
    if (!cell.active() || ticker.pending() || state.status !== "awaiting_scan") return;
    const ms = Date.parse(state.expiresAt) - now();
    if (!(ms > 0)) return;
    ticker.start(
      () => {
        // The next tick is scheduled by `emit`, until 0, when the Worker (not the browser)
        // decides whether the payment expired.
        emit();
        const current = cell.get();
        if (current.status === "awaiting_scan" && !current.secondsLeft) void poll();
      },
      ms % 1000 || 1000,
    );
  }

  function refresh() {
    if (idle()) return;
    attempt = 0;
    void poll();
    connect();
  }

  return {
    ...cell.store,
    refresh,
    apply: take,
    retry() {
      fatal = null;
      teardown();
      emit();
      if (!cell.active()) return;
      // A payment that looks final (a mismatch) gets one fresh read; anything else is followed.
      if (finished()) void poll();
      else start();
    },
  };
}

/**
 * What a screen can see of a state: the payment counts by its version and an error by its code.
 * An update that changes none of it is not an update.
 */
const visible = (state: PaymentScreenState) =>
  JSON.stringify(state, (key, value) =>
    key === "payment" ? value?.version : key === "error" ? value.code : value,
  );
