import { NOTIFICATION_ACK_BODY } from "@ams-edge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_BODIES } from "../../packages/core/src/fixtures/seed-bodies.ts";
import { paymentRequestIdForKey } from "../../packages/worker/src/payments/payment-request-id.ts";
import { type Stack, startStack } from "./stack.ts";
import {
  createPayment,
  events,
  merchant,
  postNotification,
  view,
  waitForPayment,
} from "./worker-client.ts";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** How long after a payment shows a change its list row and CSV line may still lag (D1 up). */
const INDEX_LAG_BOUND_MS = 5000;

const isFinal = (v: { status: string }) => !["creating", "awaiting_payment"].includes(v.status);
const moves = (log: { kind: string; data: Record<string, unknown> }[]) =>
  log.filter((e) => e.kind === "transition" && e.data.from !== e.data.to).map((e) => e.data.to);

describe("Order Code over real HTTP", () => {
  it("paid: the wallet pays, the notification settles it", async () => {
    const created = await createPayment(stack, "1250");
    expect(created.status).toBe("awaiting_payment");
    expect(created.code?.value).toBe(
      stack.sandbox.sandbox.payment(created.paymentRequestId)?.walletUrl,
    );
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    const done = await waitForPayment(stack, created, isFinal);
    expect(done.status).toBe("succeeded");
    expect(moves(await events(stack, created.paymentRequestId))).toStrictEqual([
      "awaiting_payment",
      "succeeded",
    ]);
    // The D1 index is written after the acknowledgement, by the payment's alarm: the list and
    // the CSV export show the result within INDEX_LAG_BOUND_MS of the payment showing it.
    const shownAt = Date.now();
    const indexed = async () => {
      const list = (await (await merchant(stack, "/api/payments?storeId=demo-store")).json()) as {
        payments: { paymentRequestId: string; status: string; version: number }[];
      };
      const row = list.payments.find((p) => p.paymentRequestId === created.paymentRequestId);
      const csv = await (await merchant(stack, "/api/payments/export.csv")).text();
      const line = csv.split("\n").find((l) => l.includes(created.paymentRequestId)) ?? "";
      return (
        row?.status === "succeeded" && row.version === done.version && line.includes("succeeded")
      );
    };
    while (!(await indexed())) {
      expect(Date.now() - shownAt).toBeLessThan(INDEX_LAG_BOUND_MS);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  it("declined: failed with the wallet's result code", async () => {
    const created = await createPayment(stack, "1711"); // magic: declines with USER_BALANCE_NOT_ENOUGH
    const done = await waitForPayment(stack, created, isFinal);
    expect([done.status, done.resultCode]).toStrictEqual(["failed", "USER_BALANCE_NOT_ENOUGH"]);
  });

  it("expired, then cancelled: the Worker cancels the unpaid order at expiry", async () => {
    // The gateway's clock runs behind, so it has not closed the order when the Worker gets there.
    stack.setSandboxLag(20_000);
    try {
      const created = await createPayment(stack, "1250", { expiresInSeconds: 2 });
      const done = await waitForPayment(stack, created, isFinal);
      expect(done.status).toBe("expired");
      expect(stack.sandbox.sandbox.payment(created.paymentRequestId)?.status).toBe("CANCELLED");
      const cancels = (await events(stack, created.paymentRequestId)).filter(
        (e) => e.kind === "request" && e.data.operation === "cancel",
      );
      expect(cancels).toHaveLength(1);
    } finally {
      stack.setSandboxLag(0);
    }
  });

  it("cancelled by the merchant", async () => {
    const created = await createPayment(stack, "1250");
    const response = await merchant(stack, `/api/payments/${created.paymentRequestId}/cancel`, {
      method: "POST",
    });
    expect([response.status, ((await response.json()) as { status: string }).status]).toStrictEqual(
      [200, "cancelled"],
    );
    expect(stack.sandbox.sandbox.payment(created.paymentRequestId)?.status).toBe("CANCELLED");
  });

  it("refunded after payment", async () => {
    const created = await createPayment(stack, "2000");
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    await waitForPayment(stack, created, isFinal);
    const response = await merchant(stack, `/api/payments/${created.paymentRequestId}/refunds`, {
      body: { amount: { currency: "USD", value: "750" }, reason: "returned item" },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { status: string }).status).toBe("succeeded");
    expect(stack.sandbox.sandbox.payment(created.paymentRequestId)?.refunded).toBe("750");
  });

  it("refunds move money once: the key is required, bound to its body, and replays answer", async () => {
    const created = await createPayment(stack, "500");
    const id = created.paymentRequestId;
    stack.sandbox.sandbox.act(id, "pay");
    await waitForPayment(stack, created, isFinal);
    const send = async (value: string, key?: string) => {
      const response = await merchant(stack, `/api/payments/${id}/refunds`, {
        body: { amount: { currency: "USD", value } },
        headers: key === undefined ? {} : { "idempotency-key": key },
      });
      const body = (await response.json()) as {
        status?: string;
        refundRequestId?: string;
        error?: { code: string };
      };
      return [response.status, body.error?.code ?? body.status, body] as const;
    };
    expect((await send("400")).slice(0, 2)).toStrictEqual([400, "INVALID_REQUEST"]);
    const tap = crypto.randomUUID();
    const [created201, status, first] = await send("400", tap);
    expect([created201, status]).toStrictEqual([201, "succeeded"]);
    // A replay gets the first answer again: its status and its body.
    const [replayed, , again] = await send("400", tap);
    expect([replayed, again]).toStrictEqual([201, first]);
    expect((await send("300", tap)).slice(0, 2)).toStrictEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    // A second tap with a new key: 400 more than the 100 left.
    expect((await send("400", crypto.randomUUID())).slice(0, 2)).toStrictEqual([
      422,
      "REFUND_AMOUNT_EXCEEDED",
    ]);
    expect(stack.sandbox.sandbox.refunds(id).map((r) => r.amount.value)).toStrictEqual(["400"]);
    const list = (await (await merchant(stack, `/api/refunds?paymentRequestId=${id}`)).json()) as {
      refunds: { refundRequestId: string; status: string; amount: { value: string } }[];
    };
    expect(list.refunds.map((r) => [r.refundRequestId, r.status, r.amount.value])).toStrictEqual([
      [first.refundRequestId, "succeeded", "400"],
    ]);
    const csv = await (
      await merchant(stack, `/api/refunds/export.csv?paymentRequestId=${id}`)
    ).text();
    expect(
      csv.split("\r\n").filter((line) => line.startsWith(`${first.refundRequestId},`)),
    ).toHaveLength(1);
  });

  it("refund answered U: the object's alarm inquires until the gateway says SUCCESS", async () => {
    const created = await createPayment(stack, "2000");
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    await waitForPayment(stack, created, isFinal);
    stack.sandbox.sandbox.faults.add({
      kind: "unknown-result",
      apis: ["refund"],
      count: 1,
      resultCode: "PAYMENT_IN_PROCESS",
      paymentRequestId: created.paymentRequestId,
    });
    const response = await merchant(stack, `/api/payments/${created.paymentRequestId}/refunds`, {
      body: { amount: { currency: "USD", value: "2000" } },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(((await response.json()) as { status: string }).status).toBe("processing");
    const refunded = (v: object) => (v as { refunded?: { value: string } }).refunded?.value;
    const settled = await waitForPayment(stack, created, (v) => refunded(v) === "2000");
    expect([settled.status, refunded(settled)]).toStrictEqual(["succeeded", "2000"]);
    const inquiries = (await events(stack, created.paymentRequestId)).filter(
      (e) => e.kind === "request" && e.data.operation === "inquiryRefund",
    );
    expect(inquiries).toHaveLength(1);
  });

  it("a live socket receives every visible change in order, then closes", async () => {
    const created = await createPayment(stack, "1250");
    const socket = new WebSocket(
      `${stack.workerUrl.replace("http", "ws")}/api/payments/${created.paymentRequestId}/live?token=${created.statusToken}`,
    );
    const messages: { status: string; version: number }[] = [];
    socket.addEventListener("message", (e) => {
      messages.push(
        (JSON.parse(String(e.data)) as { payment: { status: string; version: number } }).payment,
      );
    });
    await new Promise((resolve) => socket.addEventListener("open", resolve));
    await expect.poll(() => messages.length).toBe(1);
    stack.sandbox.sandbox.act(created.paymentRequestId, "scan");
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    await expect.poll(() => messages.length).toBe(2);
    // The server's close frame puts the socket in CLOSING at once. (Local workerd then keeps the
    // TCP connection for about 10 s before the `close` event; the hooks close on a final state.)
    await expect.poll(() => socket.readyState >= WebSocket.CLOSING).toBe(true);
    socket.close();
    expect(messages.map((m) => m.status)).toStrictEqual(["awaiting_payment", "succeeded"]);
    expect(messages[1]?.version ?? 0).toBeGreaterThan(messages[0]?.version ?? 0);
  });
});

describe("Entry Code over real HTTP", () => {
  it("paid: page, printable code, payment with the wallet's User-Agent, wallet pays", async () => {
    const page = await fetch(`${stack.workerUrl}/pay/demo-store`);
    expect([page.status, (await page.text()).includes("<h1>Demo Cafe</h1>")]).toStrictEqual([
      200,
      true,
    ]);
    const store = await fetch(`${stack.workerUrl}/api/stores/demo-store`);
    expect(await store.json()).toStrictEqual({
      storeId: "demo-store",
      name: "Demo Cafe",
      currency: "USD",
      entryCode: { minValue: "100", maxValue: "50000" },
    });
    const svg = await fetch(`${stack.workerUrl}/api/stores/demo-store/entry-code.svg`);
    expect([svg.status, svg.headers.get("content-type")]).toStrictEqual([200, "image/svg+xml"]);
    const response = await fetch(`${stack.workerUrl}/api/entry/demo-store/payments`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "AlipayClient/10.5 (e2e)" },
      body: JSON.stringify({ amount: { currency: "USD", value: "880" } }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Parameters<typeof view>[1];
    const atGateway = stack.sandbox.sandbox.payment(created.paymentRequestId);
    expect(created.redirectUrl).toBe(atGateway?.walletUrl);
    // The customer taps "pay" on the wallet page the redirect opened.
    const paid = await fetch(`${created.redirectUrl}/pay`, { method: "POST" });
    expect(paid.status).toBeLessThan(400);
    expect((await waitForPayment(stack, created, isFinal)).status).toBe("succeeded");
  });
});

describe("Notifications that go wrong", () => {
  it("the provider's own failure notification (no amount) fails the payment at once", async () => {
    const created = await createPayment(stack, "1250");
    // The seed's body as its page shows it, layout and all, with this payment's ids in place of
    // the page's.
    const seed = SEED_BODIES.find((b) => b.id === "000-payment-result-failure")?.body ?? "";
    const body = seed
      .replace("pay_test_1106_0002", created.paymentRequestId)
      .replace("20200101234567890132", created.paymentId ?? "");
    const answer = await postNotification(stack, body);
    expect([answer.status, await answer.text()]).toStrictEqual([200, NOTIFICATION_ACK_BODY]);
    const now = await view(stack, created);
    expect([now.status, now.resultCode]).toStrictEqual(["failed", "USER_BALANCE_NOT_ENOUGH"]);
  });

  it("a signed body the schema does not know is acknowledged and kept; the payment waits", async () => {
    const created = await createPayment(stack, "1250");
    const body = JSON.stringify({
      notifyType: "PAYMENT_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S" },
      paymentRequestId: created.paymentRequestId,
      paymentAmount: { currency: "USD", value: 1250 },
    });
    const answer = await postNotification(stack, body);
    expect([answer.status, await answer.text()]).toStrictEqual([200, NOTIFICATION_ACK_BODY]);
    expect((await view(stack, created)).status).toBe("awaiting_payment");
    const log = await events(stack, created.paymentRequestId);
    expect(log.filter((e) => e.kind === "notification").map((e) => e.data.rawBody)).toStrictEqual([
      body,
    ]);
    expect(
      log.filter((e) => e.kind === "notification_unapplied").map((e) => e.data.reason),
    ).toStrictEqual(["BODY_INVALID"]);
  });

  it("dropped: the alarm's inquiry settles the payment", async () => {
    const created = await createPayment(stack, "1250");
    stack.sandbox.sandbox.faults.add({
      kind: "drop-notification",
      paymentRequestId: created.paymentRequestId,
    });
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    expect((await waitForPayment(stack, created, isFinal)).status).toBe("succeeded");
    const log = await events(stack, created.paymentRequestId);
    expect(log.filter((e) => e.kind === "notification")).toStrictEqual([]);
    expect(log.some((e) => e.kind === "request" && e.data.operation === "inquiryPayment")).toBe(
      true,
    );
  });

  it("duplicated: both acknowledged, one transition", async () => {
    const created = await createPayment(stack, "1250");
    stack.sandbox.sandbox.faults.add({
      kind: "duplicate-notification",
      paymentRequestId: created.paymentRequestId,
    });
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    await stack.sandbox.sandbox.idle();
    expect((await view(stack, created)).status).toBe("succeeded");
    const log = await events(stack, created.paymentRequestId);
    expect(log.filter((e) => e.kind === "notification")).toHaveLength(2);
    expect(moves(log)).toStrictEqual(["awaiting_payment", "succeeded"]);
  });

  it("reordered: two payments' results arrive newest first, both settle", async () => {
    const a = await createPayment(stack, "1250");
    const b = await createPayment(stack, "1350");
    const [fault] = stack.sandbox.sandbox.faults.add({ kind: "reorder-notifications", window: 2 });
    stack.sandbox.sandbox.act(a.paymentRequestId, "pay");
    stack.sandbox.sandbox.act(b.paymentRequestId, "decline", "RISK_REJECT");
    await stack.sandbox.sandbox.idle();
    if (fault !== undefined) stack.sandbox.sandbox.faults.remove(fault.id);
    expect((await waitForPayment(stack, a, isFinal)).status).toBe("succeeded");
    expect((await waitForPayment(stack, b, isFinal)).status).toBe("failed");
  });

  it("late: a notification after the inquiry settled it is acknowledged and changes nothing", async () => {
    const created = await createPayment(stack, "1250");
    stack.sandbox.sandbox.faults.add({
      kind: "delay-notification",
      delayMs: 1500,
      paymentRequestId: created.paymentRequestId,
    });
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    const settled = await waitForPayment(stack, created, isFinal);
    expect(settled.status).toBe("succeeded");
    // The delayed delivery is a timer, not work in flight: wait for its acknowledgement.
    await expect
      .poll(() => stack.sandbox.sandbox.notifications(created.paymentRequestId)[0]?.acknowledged, {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await view(stack, created)).toStrictEqual({
      ...settled,
      updatedAt: expect.any(String),
      version: expect.any(Number),
    });
    const log = await events(stack, created.paymentRequestId);
    expect(log.filter((e) => e.kind === "notification")).toHaveLength(1);
    expect(moves(log)).toStrictEqual(["awaiting_payment", "succeeded"]);
  });

  it("concurrent deliveries of one result: all acknowledged, one transition", async () => {
    const created = await createPayment(stack, "1250");
    const only = { paymentRequestId: created.paymentRequestId };
    // Inquiries stay unclear and the sandbox's own delivery is lost: the concurrent ones decide.
    stack.sandbox.sandbox.faults.add([
      { kind: "drop-notification", ...only },
      { kind: "unknown-result", apis: ["inquiryPayment"], ...only },
    ]);
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    await stack.sandbox.sandbox.idle();
    const body = stack.sandbox.sandbox.notifications(created.paymentRequestId)[0]?.body ?? "";
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => postNotification(stack, body)));
    expect(await Promise.all(answers.map(async (a) => [a.status, await a.text()]))).toStrictEqual(
      Array(5).fill([200, NOTIFICATION_ACK_BODY]),
    );
    expect((await view(stack, created)).status).toBe("succeeded");
    expect(moves(await events(stack, created.paymentRequestId))).toStrictEqual([
      "awaiting_payment",
      "succeeded",
    ]);
  });

  it("tampered: 401 and nothing stored; a corrupted delivery is refused, the resend is taken", async () => {
    const created = await createPayment(stack, "1250");
    const body = JSON.stringify({
      notifyType: "PAYMENT_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      paymentRequestId: created.paymentRequestId,
      paymentId: created.paymentId,
      paymentAmount: { currency: "USD", value: "1250" },
    });
    const forged = await postNotification(stack, body, body.replace('"1250"', '"1"'));
    expect(forged.status).toBe(401);
    expect(
      (await events(stack, created.paymentRequestId)).filter((e) => e.kind === "notification"),
    ).toStrictEqual([]);
    expect((await view(stack, created)).status).toBe("awaiting_payment");

    stack.sandbox.sandbox.faults.add({
      kind: "corrupt-notification-signature",
      paymentRequestId: created.paymentRequestId,
      count: 1,
    });
    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    // The resend after the refused attempt is a timer: wait for it to be answered.
    await expect
      .poll(
        () =>
          stack.sandbox.sandbox
            .notifications(created.paymentRequestId)[0]
            ?.attempts.map((a) => a.httpStatus),
        { timeout: 10_000 },
      )
      .toStrictEqual([401, 200]);
    const stored = (await events(stack, created.paymentRequestId)).filter(
      (e) => e.kind === "notification",
    );
    expect(stored).toHaveLength(1);
  });
});

describe("Gateway trouble on pay", () => {
  it("U answers: pay is re-sent with the same request id; one payment at the gateway", async () => {
    const key = crypto.randomUUID();
    const paymentRequestId = await paymentRequestIdForKey(key);
    // Three unclear answers for this payment only: the first pay and two re-sends.
    stack.sandbox.sandbox.faults.add({
      kind: "unknown-result",
      apis: ["pay"],
      count: 3,
      paymentRequestId,
    });
    const created = await createPayment(stack, "1250", {}, key);
    expect([created.paymentRequestId, created.status]).toStrictEqual([
      paymentRequestId,
      "creating",
    ]);
    expect((await waitForPayment(stack, created, (v) => v.status !== "creating")).status).toBe(
      "awaiting_payment",
    );
    expect(
      stack.sandbox.sandbox.payments().filter((p) => p.paymentRequestId === paymentRequestId),
    ).toHaveLength(1);
    const pays = (await events(stack, paymentRequestId)).filter(
      (e) => e.kind === "request" && e.data.operation === "pay",
    );
    expect(
      pays.map(
        (e) => (JSON.parse(String(e.data.body)) as { paymentRequestId: string }).paymentRequestId,
      ),
    ).toStrictEqual(Array(4).fill(paymentRequestId));
  });

  it("HTTP 500: retried with the same request; one payment at the gateway", async () => {
    const key = crypto.randomUUID();
    const paymentRequestId = await paymentRequestIdForKey(key);
    stack.sandbox.sandbox.faults.add({
      kind: "http-error",
      status: 500,
      apis: ["pay"],
      count: 2,
      paymentRequestId,
    });
    const created = await createPayment(stack, "1250", {}, key);
    const settled = await waitForPayment(stack, created, (v) => v.status !== "creating");
    expect(settled.status).toBe("awaiting_payment");
    expect(
      stack.sandbox.sandbox.payments().filter((p) => p.paymentRequestId === paymentRequestId),
    ).toHaveLength(1);
    const answers = (await events(stack, paymentRequestId)).filter(
      (e) => e.kind === "response" && e.data.operation === "pay" && "httpStatus" in e.data,
    );
    expect(answers.map((e) => e.data.httpStatus)).toStrictEqual([500, 500, 200]);
  });
});
