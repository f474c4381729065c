import type { PaymentStatus, PaymentView } from "@ams-edge/core/api";
import type { LiveSocketConstructor } from "../client/live-socket.ts";
import { FakeSocket } from "./fake-web-socket.ts";

/** One request the fake Worker received. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** `Date.now()` when it arrived (fake timers make this exact). */
  at: number;
}

type Stored = PaymentView & { statusToken: string };

/** A refund the fake Worker took: one per payment and `Idempotency-Key`. */
export interface FakeRefund {
  idempotencyKey: string;
  paymentRequestId: string;
  refundRequestId: string;
  amount: PaymentView["amount"];
  reason: string | null;
  status: "processing" | "succeeded" | "failed";
}

/**
 * How the fake Worker answers the next refund request: with the refund in a given status (the
 * first time a key is seen; a replay answers what the refund is now); `hang`, which takes the
 * refund and then never answers (until the request is aborted); or an error status and code
 * before anything is done.
 */
export type FakeRefundStep = FakeRefund["status"] | "hang" | { status: number; code: string };

/**
 * An in-memory stand-in for the Worker HTTP API (contract-shaped JSON) with a fake WebSocket
 * server: sockets open on the next timer tick and get the payment at once and on every change.
 */
export function createFakeWorker(options: { expiresInSeconds?: number } = {}) {
  const payments = new Map<string, Stored>();
  const byKey = new Map<string, string>();
  const calls: RecordedCall[] = [];
  const sockets: (FakeSocket & { createdAt: number })[] = [];
  let offline = false;
  let refuseSockets = false;
  let seq = 0;
  const refunds: FakeRefund[] = [];
  const refundSteps: FakeRefundStep[] = [];

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const error = (status: number, code: string, message: string) =>
    json(status, { error: { code, message } });
  const view = ({ statusToken: _, ...rest }: Stored): PaymentView => rest;

  function create(body: Record<string, unknown>, scenario: "OrderCode" | "EntryCode"): Stored {
    seq += 1;
    const id = `prq_test_${String(seq).padStart(4, "0")}`;
    const now = Date.now();
    const expiresAt = new Date(
      now +
        ((body.expiresInSeconds as number | undefined) ?? options.expiresInSeconds ?? 120) * 1000,
    ).toISOString();
    const stored: Stored = {
      paymentRequestId: id,
      paymentId: `pay_test_${seq}`,
      scenario,
      status: "awaiting_payment",
      amount: body.amount as PaymentView["amount"],
      description: (body.description as string | undefined) ?? "",
      storeId: (body.storeId as string | undefined) ?? "store-test",
      code:
        scenario === "OrderCode"
          ? { value: `https://qr.test/p/${id}`, type: "QRCODE", expiresAt }
          : null,
      redirectUrl: scenario === "EntryCode" ? `alipays://platformapi/startApp?pay=${id}` : null,
      resultCode: null,
      refunded: { currency: (body.amount as PaymentView["amount"]).currency, value: "0" },
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
      expiresAt,
      version: 1,
      statusToken: `tok_test_${seq}`,
    };
    payments.set(id, stored);
    return stored;
  }

  async function fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(String(input));
    const method = init.method ?? "GET";
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname + url.search, headers, body, at: Date.now() });
    if (offline) throw new TypeError("Failed to fetch");
    const bearer = headers.authorization?.replace(/^Bearer /, "");
    const parts = url.pathname.split("/").filter(Boolean);
    if (method === "POST" && url.pathname === "/api/payments") {
      if (bearer !== "sk_test_merchant") return error(401, "UNAUTHORIZED", "Bad API key.");
      const key = headers["idempotency-key"];
      const known = key ? byKey.get(key) : undefined;
      const stored = known ? payments.get(known) : undefined;
      if (stored) return json(200, stored);
      const created = create(body, "OrderCode");
      if (key) byKey.set(key, created.paymentRequestId);
      return json(201, created);
    }
    if (parts[0] === "api" && parts[1] === "entry" && method === "POST") {
      const created = create({ ...body, storeId: parts[2] }, "EntryCode");
      return json(201, created);
    }
    const stored = parts[2] ? payments.get(parts[2]) : undefined;
    const merchantRoute = method === "POST" || url.pathname === "/api/payments";
    if (merchantRoute && bearer !== "sk_test_merchant")
      return error(401, "UNAUTHORIZED", "Bad API key.");
    if (method === "GET" && parts.length === 3 && parts[1] === "payments") {
      if (!stored) return error(404, "NOT_FOUND", "No such payment.");
      if (bearer !== stored.statusToken) return error(401, "UNAUTHORIZED", "Bad status token.");
      return json(200, view(stored));
    }
    if (method === "POST" && parts[3] === "cancel" && stored) {
      const next = stored.status === "succeeded" ? "reversed" : "cancelled";
      if (stored.status === "awaiting_payment" || stored.status === "succeeded")
        set(stored.paymentRequestId, next);
      return json(200, view(payments.get(stored.paymentRequestId) ?? stored));
    }
    // The gateway answers clearly: the flag is lifted, the status stays.
    if (method === "POST" && parts[3] === "inquire" && stored) {
      return json(200, set(stored.paymentRequestId, stored.status, { attention: null }));
    }
    if (method === "POST" && parts[3] === "refunds" && stored) {
      return refund(stored, headers["idempotency-key"], body, init.signal);
    }
    if (method === "GET" && url.pathname === "/api/payments") {
      const all = [...payments.values()].reverse().map(view);
      return json(200, { payments: all, nextCursor: null });
    }
    return error(404, "NOT_FOUND", `No route for ${method} ${url.pathname}.`);
  }

  async function refund(
    stored: Stored,
    key: string | undefined,
    body: { amount: PaymentView["amount"]; reason?: string },
    signal: AbortSignal | null | undefined,
  ): Promise<Response> {
    const step = refundSteps.shift() ?? "processing";
    if (typeof step === "object") return error(step.status, step.code, "Refused by the test.");
    if (!key) return error(400, "INVALID_REQUEST", "An Idempotency-Key header is required.");
    const { paymentRequestId } = stored;
    let taken = refunds.find(
      (r) => r.paymentRequestId === paymentRequestId && r.idempotencyKey === key,
    );
    if (
      taken &&
      (taken.amount.value !== body.amount.value || taken.reason !== (body.reason ?? null))
    )
      return error(409, "IDEMPOTENCY_KEY_REUSED", "This key belongs to another refund.");
    if (!taken) {
      taken = {
        idempotencyKey: key,
        paymentRequestId,
        refundRequestId: `rfd_test_${paymentRequestId}_${refunds.length + 1}`,
        amount: body.amount,
        reason: body.reason ?? null,
        status: step === "hang" ? "processing" : step,
      };
      refunds.push(taken);
    }
    if (step === "hang") {
      return new Promise((_, reject) =>
        signal?.addEventListener("abort", () => reject(signal.reason)),
      );
    }
    const { refundRequestId, status, amount } = taken;
    return json(201, { refundRequestId, status, amount });
  }

  class Socket extends FakeSocket {
    readonly createdAt = Date.now();
    constructor(url: string) {
      super(url);
      sockets.push(this);
      setTimeout(() => {
        if (refuseSockets || offline) return this.drop(1006);
        const parsed = new URL(url);
        const id = parsed.pathname.split("/")[3] ?? "";
        const stored = payments.get(id);
        if (!stored || parsed.searchParams.get("token") !== stored.statusToken)
          return this.drop(4401);
        this.open();
        this.receive({ type: "payment", payment: view(stored) });
      }, 0);
    }
  }

  /** Moves a payment to `status` and tells every open socket; final states close them. */
  function set(id: string, status: PaymentStatus, extra: Partial<PaymentView> = {}): PaymentView {
    const stored = payments.get(id);
    if (!stored) throw new Error(`no payment ${id}`);
    const next: Stored = {
      ...stored,
      ...extra,
      status,
      version: stored.version + 1,
      updatedAt: new Date().toISOString(),
    };
    payments.set(id, next);
    for (const socket of sockets) {
      if (socket.readyState !== 1 || !socket.url.includes(`/payments/${id}/live`)) continue;
      socket.receive({ type: "payment", payment: view(next) });
      if (status !== "awaiting_payment" && status !== "creating") socket.drop(1000);
    }
    return view(next);
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    WebSocket: Socket as LiveSocketConstructor,
    payments,
    calls,
    sockets,
    set,
    /** Every refund taken, in order (the gateway's ledger). */
    refunds,
    /** Queues how the next refund requests are answered (default: a new refund, `processing`). */
    nextRefunds(...steps: FakeRefundStep[]) {
      refundSteps.push(...steps);
    },
    /** Creates an Order Code payment directly (as if a merchant had), returning it with its token. */
    seed: (body: { amount: PaymentView["amount"]; expiresInSeconds?: number }) =>
      create({ description: "Test order", storeId: "store-test", ...body }, "OrderCode"),
    /** The open sockets. */
    openSockets: () => sockets.filter((s) => s.readyState === 1),
    /** Loses the network: requests fail, open sockets drop, new ones are refused. */
    goOffline() {
      offline = true;
      for (const socket of sockets) socket.drop(1006);
    },
    goOnline() {
      offline = false;
    },
    /** Refuses (or accepts again) new socket connections; requests still work. */
    refuseSockets(value: boolean) {
      refuseSockets = value;
    },
    /** The requests for one method and path prefix. */
    callsTo: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.path.startsWith(path)),
  };
}

/** The API key the fake Worker accepts for merchant calls. */
export const testApiKey = "sk_test_merchant";
/** The base URL the fake Worker answers on. */
export const testBaseUrl = "https://worker.test";
