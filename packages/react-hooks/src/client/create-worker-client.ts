import type { AmountView, CreatedPayment, ErrorBody, PaymentView } from "@ams-edge/core/api";
import { type LiveSocket, type LiveSocketConstructor, toWebSocketUrl } from "./live-socket.ts";
import { type EntryPayment, isPaymentView } from "./payment-view.ts";
import {
  WorkerApiError,
  type WorkerApiErrorCode,
  type WorkerApiErrorOptions,
} from "./worker-api-error.ts";

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
export interface CreatePaymentRequest {
  /** What to charge, in minor units: `{ currency: "USD", value: "599" }` is USD 5.99. */
  amount: AmountView;
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
  createPayment(params: CreatePaymentRequest, idempotencyKey?: string): Promise<CreatedPayment>;
  /** Reads a payment with its status token. */
  getPayment(paymentRequestId: string, statusToken: string): Promise<PaymentView>;
  /** Cancels a payment (merchant): closes it unpaid, or reverses it if it was paid. */
  cancelPayment(paymentRequestId: string): Promise<PaymentView>;
  /** Creates an Entry Code payment from the customer's page (public). */
  createEntryPayment(storeId: string, amount: AmountView): Promise<EntryPayment>;
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
  idempotencyKey?: string | undefined;
}

const resolve = async <T>(value: T | (() => MaybePromise<T>)): Promise<T> =>
  typeof value === "function" ? (value as () => MaybePromise<T>)() : value;

/**
 * Makes a {@link WorkerClient}. Cheap and side-effect free: safe to call during render or SSR.
 * @example
 * const client = createWorkerClient({ baseUrl: "", apiKey: () => session.apiKey });
 * const payment = await client.getPayment(paymentRequestId, statusToken);
 */
export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const ms = options.timeoutMs ?? 15_000;
  const payments = (id: string) => `/api/payments/${encodeURIComponent(id)}`;
  const created = (v: Record<string, unknown>) =>
    typeof v.statusToken === "string" && isPaymentView(v);

  async function request<T>(method: string, path: string, o: RequestOptions): Promise<T> {
    const { auth, body, idempotencyKey } = o;
    const fail = (code: WorkerApiErrorCode, text: string, more?: WorkerApiErrorOptions) =>
      new WorkerApiError(code, `${method} ${path.split("?")[0]}: ${text}`, more);
    const merchant = auth === "merchant";
    const headers: Record<string, string> = { ...(merchant && (await resolve(options.headers))) };
    const bearer =
      typeof auth === "object" ? auth.token : merchant && (await resolve(options.apiKey));
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body) headers["content-type"] = "application/json";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
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
      // A page (it has an `origin`) sees a refused CORS preflight as a bare TypeError, like a
      // Worker that is down: it cannot tell them apart, so the message names both.
      throw fail(
        late ? "TIMEOUT" : "NETWORK",
        `no answer${late ? ` within ${ms} ms` : globalThis.origin ? `: the Worker may be down, or it refused this page's origin (CORS): allow ${origin}` : ` (${cause})`}; check baseUrl, then retry.`,
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
    const { status } = response;
    if (!response.ok) {
      // An ErrorBody from the Worker; anything else in front of it (a proxy) may answer too.
      const { code, message } = (json?.error ?? {}) as Partial<ErrorBody["error"]>;
      throw fail(
        "HTTP_STATUS",
        `HTTP ${status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}`,
        { status, serverCode: code },
      );
    }
    if (!json || !o.valid(json)) {
      throw fail(
        "RESPONSE_MALFORMED",
        "not a Worker API answer; update the Worker and hooks together.",
      );
    }
    return json as T;
  }

  return {
    request,
    createPayment: (body, idempotencyKey) =>
      request("POST", "/api/payments", { auth: "merchant", valid: created, body, idempotencyKey }),
    getPayment: (id, token) =>
      request("GET", payments(id), { auth: { token }, valid: isPaymentView }),
    cancelPayment: (id) =>
      request("POST", `${payments(id)}/cancel`, { auth: "merchant", valid: isPaymentView }),
    createEntryPayment: (storeId, amount) =>
      request("POST", `/api/entry/${encodeURIComponent(storeId)}/payments`, {
        auth: "public",
        valid: (v) => created(v) && typeof v.redirectUrl === "string",
        body: { amount },
      }),
    openLive(id, token) {
      const Socket = options.WebSocket === undefined ? globalThis.WebSocket : options.WebSocket;
      return Socket
        ? new Socket(
            toWebSocketUrl(`${base}${payments(id)}/live?token=${encodeURIComponent(token)}`),
          )
        : null;
    },
  };
}
