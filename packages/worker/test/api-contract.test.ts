import {
  CreatedPaymentSchema,
  ErrorBodySchema,
  LiveMessageSchema,
  PaymentViewSchema,
  RefundViewSchema,
} from "@ams-edge/core/api";
import * as v from "valibot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { call, createOrderCode, merchant, readPayment } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The issues of `schema` on `value` as `path: message`, none when the value fits. */
function issues(schema: v.GenericSchema, value: unknown): string[] {
  return (v.safeParse(schema, value).issues ?? []).map(
    (issue) => `${v.getDotPath(issue)}: ${issue.message}`,
  );
}

describe("the Worker's answers fit the contract in @ams-edge/core/api", () => {
  it("a created payment, its reads and the list", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    expect(issues(CreatedPaymentSchema, created)).toStrictEqual([]);
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(issues(PaymentViewSchema, view)).toStrictEqual([]);
    expect([view.refunds, view.refunded]).toStrictEqual([[], { currency: "USD", value: "0" }]);
    const list = (await (await merchant("/api/payments?storeId=test-store")).json()) as {
      payments: unknown[];
    };
    expect(list.payments.flatMap((p) => issues(PaymentViewSchema, p))).toStrictEqual([]);
  });

  it("a refund, and the view that lists it in `refunds`", async () => {
    const sandbox = useSandboxGateway();
    const created = await createOrderCode();
    sandbox.act(created.paymentRequestId, "pay");
    await sandbox.idle();
    const response = await merchant(`/api/payments/${created.paymentRequestId}/refunds`, {
      body: { amount: { currency: "USD", value: "250" } },
      headers: { "idempotency-key": "contract-refund" },
    });
    const refund = await response.json();
    expect([response.status, issues(RefundViewSchema, refund)]).toStrictEqual([201, []]);
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(issues(PaymentViewSchema, view)).toStrictEqual([]);
    expect([view.refunded, view.refunds]).toStrictEqual([
      { currency: "USD", value: "250" },
      [refund],
    ]);
  });

  it("the live socket's first message", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const response = await call(
      `/api/payments/${created.paymentRequestId}/live?token=${encodeURIComponent(created.statusToken)}`,
      { headers: { upgrade: "websocket" } },
    );
    const socket = response.webSocket;
    if (socket === null) throw new Error(`no WebSocket in the answer (HTTP ${response.status})`);
    const first = new Promise<unknown>((resolve) => {
      socket.addEventListener("message", (event) => resolve(JSON.parse(String(event.data))));
    });
    socket.accept();
    const message = await first;
    socket.close(1000, "done");
    expect(issues(LiveMessageSchema, message)).toStrictEqual([]);
    const { statusToken: _, ...view } = created;
    expect(message).toStrictEqual({ type: "payment", payment: view });
  });

  it("error answers", async () => {
    const answers = [
      await call("/api/payments/unknown"),
      await merchant("/api/payments/unknown-payment"),
      await merchant("/api/payments", { body: { amount: { currency: "USD", value: "-1" } } }),
      await merchant("/api/payments?status=paid"),
    ];
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies.flatMap((body) => issues(ErrorBodySchema, body))).toStrictEqual([]);
    expect(bodies.map((body) => (body as { error: { code: string } }).error.code)).toStrictEqual([
      "STATUS_TOKEN_INVALID",
      "PAYMENT_NOT_FOUND",
      "INVALID_REQUEST",
      "INVALID_REQUEST",
    ]);
  });
});
