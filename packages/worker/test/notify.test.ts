import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { NOTIFICATION_ACK_BODY } from "@ams-edge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SEED_BODIES } from "../../core/src/fixtures/seed-bodies.ts";
import { loadConfig } from "../src/config/load-config.ts";
import type { StoreConfig } from "../src/config/store-config.ts";
import { startPayment } from "../src/payments/start-payment.ts";
import { TEST_PUBLIC_BASE_URL } from "./fixtures/test-config.ts";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { paymentResultBody, signedNotification } from "./helpers/signed-notification.ts";
import { createOrderCode, eventsOf, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function send(request: Request): Promise<{ status: number; body: string }> {
  const response = await exports.default.fetch(request);
  return { status: response.status, body: await response.text() };
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

async function openPayment() {
  useSandboxGateway();
  const created = await createOrderCode();
  const body = paymentResultBody({
    paymentRequestId: created.paymentRequestId,
    paymentId: created.paymentId,
    value: "1250",
  });
  return { created, body };
}

describe("POST /alipay/notify", () => {
  it("acknowledges a verified success only after storing it, and the payment succeeds", async () => {
    const { created, body } = await openPayment();
    expect(await send(await signedNotification(body))).toStrictEqual({
      status: 200,
      body: NOTIFICATION_ACK_BODY,
    });
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(view.status).toBe("succeeded");
    const stored = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "notification",
    );
    expect(stored.map((e) => e.data)).toStrictEqual([
      { requestTime: "2026-11-20T10:00:00+00:00", rawBody: body },
    ]);
  });

  it("marks a declined payment failed with its result code", async () => {
    const { created } = await openPayment();
    const body = paymentResultBody({
      paymentRequestId: created.paymentRequestId,
      paymentId: created.paymentId,
      value: "1250",
      resultStatus: "F",
      resultCode: "USER_BALANCE_NOT_ENOUGH",
    });
    expect((await send(await signedNotification(body))).status).toBe(200);
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect([view.status, view.resultCode]).toStrictEqual(["failed", "USER_BALANCE_NOT_ENOUGH"]);
  });

  it("fails a payment at once on the provider's own failure notification, byte for byte (no amount)", async () => {
    const seed = SEED_BODIES.find((b) => b.id === "000-payment-result-failure")?.body ?? "";
    // The seed names its own ids; the sandbox cannot issue the seed's paymentId, so the pay call
    // goes unanswered here (the payment holds no provider id yet) and the seed's body decides.
    useSandboxGateway({ faults: [{ kind: "http-error", apis: ["pay"] }] });
    const config = loadConfig(env);
    const { payment } = await startPayment(env, config, TEST_PUBLIC_BASE_URL, {
      paymentRequestId: "pay_test_1106_0002",
      fingerprint: "seed",
      store: [...config.stores.values()][0] as StoreConfig,
      amount: { currency: "USD", value: "8000" },
      description: "Seed order",
      referenceOrderId: null,
      expiresInSeconds: 600,
    });
    expect([payment.status, payment.paymentId]).toStrictEqual(["creating", null]);
    expect(await send(await signedNotification(seed))).toStrictEqual({
      status: 200,
      body: NOTIFICATION_ACK_BODY,
    });
    const view = await readPayment("pay_test_1106_0002", payment.statusToken);
    expect([view.status, view.resultCode]).toStrictEqual(["failed", "USER_BALANCE_NOT_ENOUGH"]);
    const kept = (await eventsOf("pay_test_1106_0002")).filter((e) => e.kind === "notification");
    expect(kept.map((e) => e.data.rawBody)).toStrictEqual([seed]);
  });

  it("never shows a success for another amount as paid", async () => {
    const { created } = await openPayment();
    const body = paymentResultBody({
      paymentRequestId: created.paymentRequestId,
      paymentId: created.paymentId,
      value: "1249",
    });
    expect((await send(await signedNotification(body))).status).toBe(200);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "mismatch",
    );
  });

  it("answers 401 to a tampered notification and changes nothing", async () => {
    const { created, body } = await openPayment();
    const before = await eventsOf(created.paymentRequestId);
    const tampered = body.replace('"1250"', '"1"');
    const answer = await send(await signedNotification(body, { sentBody: tampered }));
    expect([answer.status, errorCode(answer.body)]).toStrictEqual([401, "SIGNATURE_INVALID"]);
    expect(await eventsOf(created.paymentRequestId)).toStrictEqual(before);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "awaiting_payment",
    );
  });

  it("answers 401 to a genuinely signed notification for another client ID and changes nothing", async () => {
    const { created, body } = await openPayment();
    const before = await eventsOf(created.paymentRequestId);
    const answer = await send(await signedNotification(body, { clientId: "OTHER_MERCHANT" }));
    expect([answer.status, errorCode(answer.body)]).toStrictEqual([401, "CLIENT_ID_MISMATCH"]);
    expect(await eventsOf(created.paymentRequestId)).toStrictEqual(before);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "awaiting_payment",
    );
  });

  it("answers 401 when the signature headers are missing", async () => {
    const request = new Request("https://worker.ams-edge.test/alipay/notify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const answer = await send(request);
    expect([answer.status, errorCode(answer.body)]).toStrictEqual([401, "MISSING_HEADER"]);
  });

  it("answers 413 to a body over 64 KiB; keeps a signed body of another media type or not JSON", async () => {
    const big = await send(await signedNotification(`{"pad":"${"x".repeat(64 * 1024)}"}`));
    expect([big.status, errorCode(big.body)]).toStrictEqual([413, "BODY_TOO_LARGE"]);
    const ack = { status: 200, body: NOTIFICATION_ACK_BODY };
    expect(await send(await signedNotification("{}", { contentType: "text/plain" }))).toStrictEqual(
      ack,
    );
    expect(await send(await signedNotification("notifyType=PAYMENT_RESULT"))).toStrictEqual(ack);
    const rows = await env.DB.prepare("SELECT body, reason FROM notifications ORDER BY id").all();
    expect(rows.results).toStrictEqual([
      { body: "{}", reason: "BODY_INVALID" },
      { body: "notifyType=PAYMENT_RESULT", reason: "BODY_NOT_JSON" },
    ]);
  });

  it("acknowledges a duplicate without changing the state, and logs both deliveries", async () => {
    const { created, body } = await openPayment();
    expect((await send(await signedNotification(body))).status).toBe(200);
    const first = await readPayment(created.paymentRequestId, created.statusToken);
    expect((await send(await signedNotification(body))).status).toBe(200);
    expect(await readPayment(created.paymentRequestId, created.statusToken)).toStrictEqual(first);
    const kinds = (await eventsOf(created.paymentRequestId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "notification")).toHaveLength(2);
    expect(kinds.filter((k) => k === "transition")).toHaveLength(2);
  });

  it("keeps an unknown notifyType in the Worker's log and acknowledges it", async () => {
    const body = JSON.stringify({ notifyType: "DISPUTE_OPENED", disputeId: "d-1" });
    expect(await send(await signedNotification(body))).toStrictEqual({
      status: 200,
      body: NOTIFICATION_ACK_BODY,
    });
    const rows = await env.DB.prepare(
      "SELECT notify_type, payment_request_id, body, reason FROM notifications",
    ).all();
    expect(rows.results).toStrictEqual([
      {
        notify_type: "DISPUTE_OPENED",
        payment_request_id: null,
        body,
        reason: "NOTIFY_TYPE_UNKNOWN",
      },
    ]);
  });

  it("keeps a result for a payment it does not know in the Worker's log", async () => {
    const body = paymentResultBody({
      paymentRequestId: "unknown-order-1",
      paymentId: "p-1",
      value: "100",
    });
    expect((await send(await signedNotification(body))).status).toBe(200);
    const rows = await env.DB.prepare(
      "SELECT notify_type, payment_request_id FROM notifications",
    ).all();
    expect(rows.results).toStrictEqual([
      { notify_type: "PAYMENT_RESULT", payment_request_id: "unknown-order-1" },
    ]);
  });

  it("acknowledges a verified result while D1 is down; the index catches up once it is back", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { created, body } = await openPayment();
    const id = created.paymentRequestId;
    const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(id));
    const indexed = () =>
      env.DB.prepare("SELECT status, version FROM payments WHERE payment_request_id = ?")
        .bind(id)
        .first<{ status: string; version: number }>();
    const alarm = () => runInDurableObject(stub, (_instance, ctx) => ctx.storage.getAlarm());
    expect((await indexed())?.status).toBe("awaiting_payment");

    await env.DB.exec("ALTER TABLE payments RENAME TO payments_unavailable");
    expect(await send(await signedNotification(body))).toStrictEqual({
      status: 200,
      body: NOTIFICATION_ACK_BODY,
    });
    const view = await readPayment(id, created.statusToken);
    expect(view.status).toBe("succeeded");
    // The alarm that writes the index fails while D1 is down, and is armed again.
    await runDurableObjectAlarm(stub);
    expect(await alarm()).not.toBeNull();
    expect(logged).toHaveBeenCalled();
    for (const [message] of logged.mock.calls) {
      expect(String(message)).toContain("the D1 index write failed");
    }

    await env.DB.exec("ALTER TABLE payments_unavailable RENAME TO payments");
    expect((await indexed())?.status).toBe("awaiting_payment");
    await runDurableObjectAlarm(stub);
    expect(await indexed()).toStrictEqual({ status: "succeeded", version: view.version });
    expect(await alarm()).toBeNull();
    // A resend changes nothing and writes nothing more.
    expect((await send(await signedNotification(body))).status).toBe(200);
    expect(await alarm()).toBeNull();
  });

  it("reads the payment's state once per notification and parses the body once", async () => {
    const { created, body } = await openPayment();
    const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(created.paymentRequestId));
    const parse = vi.spyOn(JSON, "parse");
    const statements = await runInDurableObject(stub, async (_instance, ctx) => {
      const exec = vi.spyOn(ctx.storage.sql, "exec");
      const answer = await send(await signedNotification(body));
      expect(answer.status).toBe(200);
      const texts = exec.mock.calls.map(([query]) => String(query));
      exec.mockRestore();
      return texts;
    });
    const stateReads = statements.filter((q) =>
      /SELECT[\s\S]*state_json[\s\S]*FROM payment\b/.test(q),
    );
    expect(stateReads).toHaveLength(1);
    // The Worker parses the body once (verifyNotification); the object parses the stored state
    // once; nothing else is parsed on the way.
    const bodies = parse.mock.calls.filter(([text]) => text === body);
    expect(bodies).toHaveLength(1);
    parse.mockRestore();
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "succeeded",
    );
  });

  it("answers 503 when the Worker's log cannot store an unknown notifyType", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await env.DB.exec("DROP TABLE notifications");
    const answer = await send(
      await signedNotification(JSON.stringify({ notifyType: "SOMETHING_NEW" })),
    );
    expect([answer.status, errorCode(answer.body)]).toStrictEqual([503, "STORAGE_FAILURE"]);
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
