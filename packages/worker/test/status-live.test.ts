import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_API_KEY } from "./fixtures/test-config.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { call, createOrderCode } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

interface LiveSocket {
  messages: { type: string; payment: { status: string; version: number } }[];
  closed: Promise<number>;
  socket: WebSocket;
}

async function openLive(id: string, token: string): Promise<LiveSocket> {
  const response = await call(`/api/payments/${id}/live?token=${encodeURIComponent(token)}`, {
    headers: { upgrade: "websocket" },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket;
  if (socket === null) throw new Error("no WebSocket in the answer");
  const live: LiveSocket = { messages: [], closed: Promise.resolve(0), socket };
  live.closed = new Promise((resolve) => {
    socket.addEventListener("close", (event) => resolve(event.code));
  });
  socket.addEventListener("message", (event) => {
    live.messages.push(JSON.parse(String(event.data)) as LiveSocket["messages"][number]);
  });
  socket.accept();
  return live;
}

describe("GET /api/payments/:id", () => {
  it("answers with the token as a query or a bearer header, or with a merchant key", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const { statusToken, ...view } = created;
    const path = `/api/payments/${created.paymentRequestId}`;
    for (const init of [
      { path: `${path}?token=${statusToken}`, headers: {} },
      { path, headers: { authorization: `Bearer ${statusToken}` } },
      { path, headers: { authorization: `Bearer ${TEST_API_KEY}` } },
    ]) {
      const response = await call(init.path, { headers: init.headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toStrictEqual(view);
    }
  });

  it("refuses another payment's token, no token, and a merchant key in the URL", async () => {
    useSandboxGateway();
    const a = await createOrderCode();
    const b = await createOrderCode();
    for (const path of [
      `/api/payments/${a.paymentRequestId}?token=${b.statusToken}`,
      `/api/payments/${a.paymentRequestId}`,
      `/api/payments/${a.paymentRequestId}?token=${TEST_API_KEY}`,
    ]) {
      const response = await call(path);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "STATUS_TOKEN_INVALID",
      );
    }
  });

  it("answers CORS preflights for configured origins only", async () => {
    const preflight = (origin: string) =>
      call("/api/payments/x", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
    const allowed = await preflight("https://pos.ams-edge.test");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://pos.ams-edge.test");
    expect(allowed.headers.get("access-control-allow-headers")).toBe(
      "Authorization,Content-Type,Idempotency-Key",
    );
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /api/payments/:id/live", () => {
  it("sends the state at once, then every change in order, and closes after a final state", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    const live = await openLive(created.paymentRequestId, created.statusToken);
    await vi.waitUntil(() => live.messages.length === 1);
    sandbox.act(created.paymentRequestId, "scan");
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    expect(await live.closed).toBe(1000);
    expect(live.messages.map((m) => [m.type, m.payment.status, m.payment.version])).toStrictEqual([
      ["payment", "awaiting_payment", 2],
      ["payment", "succeeded", 3],
    ]);
  });

  it("sends a final payment once and closes", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    const live = await openLive(created.paymentRequestId, created.statusToken);
    expect(await live.closed).toBe(1000);
    expect(live.messages.map((m) => m.payment.status)).toStrictEqual(["succeeded"]);
  });

  it("refuses a bad token (401) and a request that is not an upgrade (400)", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const bad = await call(`/api/payments/${created.paymentRequestId}/live?token=nope`, {
      headers: { upgrade: "websocket" },
    });
    expect(bad.status).toBe(401);
    const plain = await call(
      `/api/payments/${created.paymentRequestId}/live?token=${created.statusToken}`,
    );
    expect(plain.status).toBe(400);
  });
});
