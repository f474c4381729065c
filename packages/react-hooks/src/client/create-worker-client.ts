import { type LiveSocket, type LiveSocketConstructor, toWebSocketUrl } from "./live-socket.ts";
import {
  type Amount,
  type CreatedPayment,
  type EntryPayment,
  isPaymentView,
  type PaymentView,
} from "./payment-view.ts";
import { WorkerApiError } from "./worker-api-error.ts";

type MaybePromise<T> = T | Promise<T>;

/** How to reach the ams-edge Worker. Nothing here touches the network until a method is called. */
export interface WorkerClientOptions {
  /** The Worker's origin (`"https://pay.example.com"`), or `""` for the page's own origin. */
  baseUrl: string;
  /** The fetch to use (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** The WebSocket constructor for live status (default: the global one); `null` polls only. */
  WebSocket?: LiveSocketConstructor | null;
  /** The merchant API key, or a function that returns it (e.g. from a login session). */
  apiKey?: string | (() => MaybePromise<string>);
  /** Extra headers for merchant calls, or a function that returns them. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
  /** Milliseconds before a request is given up as `TIMEOUT` (default 15000). */
  timeoutMs?: number;
}

/** Fields of a new Order Code payment (`POST /api/payments`). */
export interface CreatePaymentParams {
  /** What to charge, in minor units: `{ currency: "USD", value: "599" }` is USD 5.99. */
  amount: Amount;
  /** Shown to the customer in the wallet. */
  description: string;
  /** The store taking the payment. */
  storeId: string;
  /** Seconds the code stays valid (the Worker's default when omitted). */
  expiresInSeconds?: number;
  /** The merchant's own order id. */
  referenceOrderId?: string;
}

/** Typed calls to the Worker HTTP API. Merchant calls send `Authorization: Bearer <apiKey>`. */
export interface WorkerClient {
  /** Creates an Order Code payment; the same `idempotencyKey` always yields the same payment. */
  createPayment(params: CreatePaymentParams, idempotencyKey?: string): Promise<CreatedPayment>;
  /** Reads a payment with its status token. */
  getPayment(paymentRequestId: string, statusToken: string): Promise<PaymentView>;
  /** Cancels a payment (merchant): closes it unpaid, or reverses it if it was paid. */
  cancelPayment(paymentRequestId: string): Promise<PaymentView>;
  /** Creates an Entry Code payment from the customer's page (public). */
  createEntryPayment(storeId: string, amount: Amount): Promise<EntryPayment>;
  /**
   * Opens the live status socket; null when no WebSocket constructor is available. Throws what
   * the constructor throws (e.g. a refused URL).
   */
  openLive(paymentRequestId: string, statusToken: string): LiveSocket | null;
  /**
   * Any call to the Worker: JSON in and out, errors as `WorkerApiError`. `valid` checks the
   * answer's shape (`RESPONSE_MALFORMED` otherwise).
   * @example
   * await client.request("GET", "/api/payments?limit=5", { auth: "merchant", valid: (v) => Array.isArray(v.payments) });
   */
  request<T>(method: string, path: string, options: RequestOptions): Promise<T>;
}

/**
 * How to call: `auth` is `"merchant"` (the API key and headers), `"public"` (nothing) or
 * `{ token }` (a payment's status token).
 */
export interface RequestOptions {
  auth: "merchant" | "public" | { token: string };
  valid: (json: Record<string, unknown>) => boolean;
  body?: unknown;
  idempotencyKey?: string;
}

const resolve = async <T>(value: T | (() => MaybePromise<T>)): Promise<T> =>
  typeof value === "function" ? (value as () => MaybePromise<T>)() : value;
const hasToken = (v: Record<string, unknown>) => typeof v.statusToken === "string";

/**
 * Makes a {@link WorkerClient}. Cheap and side-effect free: safe to call during render or SSR.
 * @example
 * const client = createWorkerClient({ baseUrl: "", apiKey: () => session.apiKey });
 * const payment = await client.getPayment(paymentRequestId, statusToken);
 */
export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const ms = options.timeoutMs ?? 15_000;
  const id = encodeURIComponent;

  async function request<T>(method: string, path: string, o: RequestOptions): Promise<T> {
    const { auth, body, idempotencyKey: key } = o;
    const where = `${method} ${path.split("?")[0]}`;
    const merchant = auth === "merchant";
    const headers: Record<string, string> = merchant ? { ...(await resolve(options.headers)) } : {};
    const bearer = merchant ? await resolve(options.apiKey) : auth === "public" ? 0 : auth.token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ms);
    let response: Response;
    let json: Record<string, unknown> | null;
    try {
      response = await (options.fetch ?? fetch)(base + path, {
        method,
        headers,
        signal: abort.signal,
        body: body ? JSON.stringify(body) : null,
      });
      json = await response.json().catch(() => null);
    } catch (cause) {
      const late = abort.signal.aborted;
      throw new WorkerApiError(
        late ? "TIMEOUT" : "NETWORK",
        `${where}: no answer ${late ? `within ${ms} ms` : `(${cause instanceof Error ? cause.message : cause})`}; check the connection and baseUrl, then retry.`,
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      const error = json?.error as { code?: string; message?: string } | undefined;
      throw new WorkerApiError(
        "HTTP_STATUS",
        `${where}: HTTP ${response.status}${error?.code ? ` ${error.code}` : ""}${error?.message ? `: ${error.message}` : ""}`,
        { status: response.status, ...(error?.code ? { serverCode: error.code } : {}) },
      );
    }
    if (!json || !o.valid(json)) {
      throw new WorkerApiError(
        "RESPONSE_MALFORMED",
        `${where}: the response is not what the Worker HTTP API promises; update the Worker and these hooks together.`,
      );
    }
    return json as T;
  }

  const call = <T>(
    method: string,
    path: string,
    auth: RequestOptions["auth"],
    valid: RequestOptions["valid"],
    body?: unknown,
    idempotencyKey?: string,
  ) => request<T>(method, path, { auth, valid, body, ...(idempotencyKey && { idempotencyKey }) });

  return {
    request,
    createPayment: (params, key) =>
      call(
        "POST",
        "/api/payments",
        "merchant",
        (v) => isPaymentView(v) && hasToken(v),
        params,
        key,
      ),
    getPayment: (pid, token) => call("GET", `/api/payments/${id(pid)}`, { token }, isPaymentView),
    cancelPayment: (pid) =>
      call("POST", `/api/payments/${id(pid)}/cancel`, "merchant", isPaymentView),
    createEntryPayment: (storeId, amount) =>
      call(
        "POST",
        `/api/entry/${id(storeId)}/payments`,
        "public",
        (v) => isPaymentView(v) && hasToken(v) && typeof v.redirectUrl === "string",
        { amount },
      ),
    openLive(pid, token) {
      const Socket = options.WebSocket === undefined ? globalThis.WebSocket : options.WebSocket;
      return Socket
        ? new Socket(toWebSocketUrl(`${base}/api/payments/${id(pid)}/live?token=${id(token)}`))
        : null;
    },
  };
}
