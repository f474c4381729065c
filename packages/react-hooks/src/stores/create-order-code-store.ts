import type { AmsEdgeError } from "@ams-edge/core";
import type { OrderCodeView, PaymentView } from "@ams-edge/core/api";
import type { CreatePaymentRequest, WorkerClient } from "../client/create-worker-client.ts";
import { toAmsEdgeError } from "../client/worker-api-error.ts";
import { type QrImage, type RenderQrOptions, renderQr } from "../qr/render-qr.ts";
import {
  type AwaitingScanState,
  isFinalState,
  type PaymentScreenState,
} from "../state/payment-state.ts";
import { createPaymentStore, type PaymentStore } from "./create-payment-store.ts";
import type { FollowTiming } from "./follow-timing.ts";
import { assertPaymentParams, newIdempotencyKey, samePaymentParams } from "./payment-params.ts";
import {
  defaultPaymentStorage,
  type PaymentStorage,
  readStoredPayment,
  type StoredPayment,
  writeStoredPayment,
} from "./payment-storage.ts";
import { type ExternalStore, snapshotCell } from "./snapshot-store.ts";

/** `awaiting_scan` of an Order Code payment, with the code drawn as a QR. */
export interface OrderCodeAwaitingState extends AwaitingScanState {
  /** The code as a QR (null for a barcode, which is shown as `code.value`). */
  qr: QrImage | null;
}

/** Every state of an Order Code payment; switch on `status`. */
export type OrderCodeState =
  | Exclude<PaymentScreenState, AwaitingScanState>
  | OrderCodeAwaitingState;

/** Options of {@link createOrderCodeStore}. */
export interface OrderCodeStoreOptions {
  client: WorkerClient;
  /** Follow this payment instead of starting idle (e.g. after a reload, from your own URL). */
  resume?: { paymentRequestId: string; statusToken: string };
  /** Where to remember the payment across reloads (default `sessionStorage`); `null`: nowhere. */
  storage?: PaymentStorage | null | undefined;
  /** The storage key; give each POS screen of one tab its own (default `"ams-edge:order-code"`). */
  storageKey?: string;
  /** Makes idempotency keys (default: 128 random bits in hex). */
  createIdempotencyKey?: () => string;
  qr?: RenderQrOptions;
  now?: () => number;
  random?: () => number;
  timing?: Partial<FollowTiming>;
}

/** Creates and follows one Order Code payment at a time. */
export interface OrderCodeStore extends ExternalStore<OrderCodeState> {
  /**
   * Creates a payment and follows it. Calling it again with the same params while that payment is
   * being created or awaited returns the same promise: no second payment (StrictMode, double taps).
   * Until the Worker confirms a payment, the same idempotency key is reused. Never rejects: a
   * failure becomes the `error` state. Other params while a payment is open throw a `TypeError`.
   */
  create(params: CreatePaymentRequest): Promise<void>;
  /**
   * Cancels the open payment (after a creation in flight). The state follows the Worker's answer;
   * a failure rejects with a `WorkerApiError` and the payment goes on.
   */
  cancel(): Promise<void>;
  /** After `error`: repeats the failed step. After `failed`/`expired`/`cancelled`: a new payment with the same params. */
  retry(): Promise<void>;
  /** Back to `idle`, forgetting the payment (it is not cancelled: call `cancel()` first for that). */
  reset(): void;
}

const creating: OrderCodeState = {
  status: "creating",
  paymentRequestId: null,
  payment: null,
  connection: "connecting",
};
const idle: OrderCodeState = { status: "idle" };

/**
 * The behaviour behind `useOrderCodePayment`, without React.
 * @example
 * const store = createOrderCodeStore({ client });
 * store.subscribe(() => render(store.getSnapshot()));
 * await store.create({ amount: { currency: "USD", value: "599" }, description: "Coffee", storeId: "s1" });
 */
export function createOrderCodeStore(options: OrderCodeStoreOptions): OrderCodeStore {
  const { client, resume } = options;
  const storage = options.storage === undefined ? defaultPaymentStorage() : options.storage;
  const key = options.storageKey ?? "ams-edge:order-code";
  // The creation request and, once the Worker confirmed it, the payment's id and token. Until
  // then (and unless it failed) the payment counts as being created.
  let record = resume ? null : readStoredPayment(storage, key);
  let creation: Promise<void> | null = null;
  let failure: AmsEdgeError | null = null;
  let follower: PaymentStore | null = null;
  let followed = "";
  let unfollow: (() => void) | undefined;
  // The follower state last seen and what it became: an unchanged state stays the same object.
  let seen: PaymentScreenState | undefined;
  let shown: OrderCodeState = idle;
  let qr: [string, QrImage] | undefined;

  const remember = (value: StoredPayment | null) => {
    record = value;
    writeStoredPayment(storage, key, value);
  };
  const unconfirmed = () => !!record && !record.statusToken && !failure;
  const sync = () => cell.set(derive());

  function derive(): OrderCodeState {
    if (unconfirmed()) return creating;
    if (failure) return { status: "error", paymentRequestId: null, payment: null, error: failure };
    const state = follower?.getSnapshot() ?? idle;
    if (state !== seen) {
      seen = state;
      shown = state.status === "awaiting_scan" ? { ...state, qr: qrFor(state.code) } : state;
    }
    return shown;
  }

  /** The code as a QR, drawn once per code (not on every tick of the countdown). */
  function qrFor(code: OrderCodeView | null): QrImage | null {
    if (code?.type !== "QRCODE") return null;
    if (qr?.[0] !== code.value) qr = [code.value, renderQr(code.value, options.qr)];
    return qr[1];
  }

  function follow(paymentRequestId: string, statusToken: string, initial?: PaymentView) {
    unfollow?.();
    followed = paymentRequestId;
    follower = createPaymentStore({
      ...options,
      paymentRequestId,
      statusToken,
      ...(initial && { initial }),
    });
    unfollow = cell.active() ? follower.subscribe(sync) : undefined;
  }

  function run(): Promise<void> {
    const request = record;
    if (!request) return Promise.resolve();
    failure = null;
    unfollow?.();
    follower = null;
    remember(request);
    creation = client.createPayment(request.params, request.idempotencyKey).then(
      ({ statusToken, ...payment }) => {
        // A reset (or another payment) since the request was sent makes its answer moot.
        if (record !== request) return;
        creation = null;
        remember({ ...request, paymentRequestId: payment.paymentRequestId, statusToken });
        follow(payment.paymentRequestId, statusToken, payment);
        sync();
      },
      (error: unknown) => {
        if (record !== request) return;
        creation = null;
        failure = toAmsEdgeError(error);
        sync();
      },
    );
    sync();
    return creation;
  }

  const cell = snapshotCell<OrderCodeState>(
    creating,
    resume ? creating : idle,
    () => {
      unfollow = follower?.subscribe(sync);
      // A creation interrupted by a reload is sent again with its key: the Worker replays it.
      if (unconfirmed() && !creation) void run();
      sync();
    },
    () => unfollow?.(),
  );
  const from = resume ?? record;
  if (from?.statusToken && from.paymentRequestId) follow(from.paymentRequestId, from.statusToken);
  sync();

  const store: OrderCodeStore = {
    ...cell.store,
    create(params) {
      assertPaymentParams(params);
      const same = samePaymentParams(record?.params, params);
      if (creation || (follower && !isFinalState(follower.getSnapshot()))) {
        if (same) return creation ?? Promise.resolve();
        throw new TypeError("A payment is already open; cancel() or reset() it first.");
      }
      const reuse = same && !record?.statusToken && record?.idempotencyKey;
      record = {
        idempotencyKey: reuse || (options.createIdempotencyKey ?? newIdempotencyKey)(),
        params,
      };
      return run();
    },
    async cancel() {
      await creation;
      const target = follower;
      if (target && !isFinalState(target.getSnapshot())) {
        const payment = await client.cancelPayment(followed);
        if (target === follower) target.apply(payment);
      }
    },
    async retry() {
      const state = cell.get();
      if (failure) return run();
      if (state.status === "error") return follower?.retry();
      if (isFinalState(state) && record) return store.create(record.params);
    },
    reset() {
      creation = failure = null;
      unfollow?.();
      follower = null;
      remember(null);
      sync();
    },
  };
  return store;
}
