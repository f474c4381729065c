import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../clock/manual-clock.ts";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function paidPayment(s: Stack, paymentRequestId: string, value: string): Promise<string> {
  const created = await s.client.createOrderCode(
    orderCode(paymentRequestId, value, s.receiver.url),
  );
  if (!created.ok) throw new Error(created.rawBody);
  const paymentId = created.data.paymentId ?? "";
  s.server.sandbox.act(paymentId, "pay");
  await s.server.sandbox.idle();
  return paymentId;
}

describe("cancel over HTTP", () => {
  it("closes an unpaid payment: CANCELLED, and the customer can no longer pay", async () => {
    stack = await startStack();
    const { client, receiver, server } = stack;
    const created = await client.createOrderCode(orderCode("cancel-unpaid", "900", receiver.url));
    if (!created.ok) throw new Error(created.rawBody);
    const cancelled = await client.cancel({ paymentRequestId: "cancel-unpaid" });
    if (!cancelled.ok) throw new Error(cancelled.rawBody);
    expect(cancelled.data.paymentId).toBe(created.data.paymentId);
    expect(cancelled.data.paymentRequestId).toBe("cancel-unpaid");
    const inquiry = await client.inquiryPayment({ paymentRequestId: "cancel-unpaid" });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("CANCELLED");
    expect(inquiry.ok && "actualPaymentAmount" in inquiry.data).toBe(false);
    const pay = await fetch(`${server.url}/sandbox/payments/${created.data.paymentId}/pay`, {
      method: "POST",
    });
    expect(pay.status).toBe(409);

    const again = await client.cancel({ paymentId: created.data.paymentId ?? "" });
    expect(again.ok && again.data.cancelTime).toBe(cancelled.data.cancelTime);
    await server.sandbox.idle();
    expect(receiver.received).toHaveLength(0);
  });

  it("reverses a paid payment: CANCELLED with the payment time kept", async () => {
    stack = await startStack();
    const paymentId = await paidPayment(stack, "cancel-paid", "900");
    const cancelled = await stack.client.cancel({ paymentId });
    expect(cancelled.ok).toBe(true);
    const inquiry = await stack.client.inquiryPayment({ paymentId });
    if (!inquiry.ok) throw new Error(inquiry.rawBody);
    expect(inquiry.data.paymentStatus).toBe("CANCELLED");
    expect(inquiry.data.paymentTime).toMatch(/\+00:00$/);
    expect(inquiry.data.actualPaymentAmount).toStrictEqual({ currency: "USD", value: "900" });
    expect(stack.server.sandbox.payment(paymentId)?.reversed).toBe(true);
    const refund = await stack.client.refund({
      refundRequestId: "refund-after-cancel",
      paymentId,
      refundAmount: { currency: "USD", value: "100" },
    });
    expect(refund.ok ? "S" : refund.resultCode).toBe("ORDER_STATUS_INVALID");
  });

  it("refuses to reverse a payment past the cancel window with CANCEL_WINDOW_EXCEED", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, cancelWindowSeconds: 600 });
    const paymentId = await paidPayment(stack, "cancel-late", "900");
    await clock.advance(600_001);
    const cancelled = await stack.client.cancel({ paymentId });
    expect(cancelled.ok).toBe(false);
    expect(cancelled.status).toBe("F");
    expect(cancelled.resultCode).toBe("CANCEL_WINDOW_EXCEED");
    const inquiry = await stack.client.inquiryPayment({ paymentId });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("SUCCESS");
  });

  it("answers ORDER_NOT_EXIST for an unknown payment", async () => {
    stack = await startStack();
    const cancelled = await stack.client.cancel({ paymentRequestId: "no-such-order" });
    expect(cancelled.resultCode).toBe("ORDER_NOT_EXIST");
  });
});

describe("refund over HTTP", () => {
  it("refunds in full, then refuses one more minor unit with REFUND_AMOUNT_EXCEED", async () => {
    stack = await startStack();
    const paymentId = await paidPayment(stack, "refund-full", "1999");
    const refund = await stack.client.refund({
      refundRequestId: "refund-full-1",
      paymentId,
      refundAmount: { currency: "USD", value: "1999" },
      refundReason: "customer changed their mind",
    });
    if (!refund.ok) throw new Error(refund.rawBody);
    expect(refund.data).toMatchObject({
      refundRequestId: "refund-full-1",
      paymentId,
      refundAmount: { currency: "USD", value: "1999" },
    });
    const inquiry = await stack.client.inquiryRefund({ refundId: refund.data.refundId ?? "" });
    if (!inquiry.ok) throw new Error(inquiry.rawBody);
    expect(inquiry.data).toMatchObject({
      refundStatus: "SUCCESS",
      refundRequestId: "refund-full-1",
      refundId: refund.data.refundId,
      refundAmount: { currency: "USD", value: "1999" },
      refundTime: refund.data.refundTime,
    });
    const more = await stack.client.refund({
      refundRequestId: "refund-full-2",
      paymentId,
      refundAmount: { currency: "USD", value: "1" },
    });
    expect(more.ok).toBe(false);
    expect(more.resultCode).toBe("REFUND_AMOUNT_EXCEED");
    expect(stack.server.sandbox.payment(paymentId)?.refunded).toBe("1999");
  });

  it("refunds in parts up to the paid amount", async () => {
    stack = await startStack();
    const paymentId = await paidPayment(stack, "refund-parts", "1000");
    const first = await stack.client.refund({
      refundRequestId: "refund-part-1",
      paymentId,
      refundAmount: { currency: "USD", value: "300" },
    });
    const second = await stack.client.refund({
      refundRequestId: "refund-part-2",
      paymentId,
      refundAmount: { currency: "USD", value: "700" },
    });
    expect([first.ok, second.ok]).toStrictEqual([true, true]);
    expect(first.ok && second.ok && first.data.refundId !== second.data.refundId).toBe(true);
    const tooMuch = await stack.client.refund({
      refundRequestId: "refund-part-3",
      paymentId,
      refundAmount: { currency: "USD", value: "1" },
    });
    expect(tooMuch.resultCode).toBe("REFUND_AMOUNT_EXCEED");
    const byRequest = await stack.client.inquiryRefund({ refundRequestId: "refund-part-1" });
    expect(byRequest.ok && byRequest.data.refundAmount).toStrictEqual({
      currency: "USD",
      value: "300",
    });
    const cancel = await stack.client.cancel({ paymentId });
    expect(cancel.resultCode).toBe("ORDER_STATUS_INVALID");
  });

  it("refuses a refund larger than the payment, of an unpaid payment, and in another currency", async () => {
    stack = await startStack();
    const paymentId = await paidPayment(stack, "refund-rules", "500");
    const over = await stack.client.refund({
      refundRequestId: "refund-over",
      paymentId,
      refundAmount: { currency: "USD", value: "501" },
    });
    expect(over.resultCode).toBe("REFUND_AMOUNT_EXCEED");
    const currency = await stack.client.refund({
      refundRequestId: "refund-eur",
      paymentId,
      refundAmount: { currency: "EUR", value: "100" },
    });
    expect(currency.resultCode).toBe("PARAM_ILLEGAL");
    expect(currency.resultMessage).toBe(
      "Illegal parameter refundAmount.currency: must be USD, the payment's currency",
    );
    const unpaid = await stack.client.createOrderCode(
      orderCode("refund-unpaid", "500", stack.receiver.url),
    );
    const refundUnpaid = await stack.client.refund({
      refundRequestId: "refund-unpaid-1",
      paymentId: unpaid.ok ? (unpaid.data.paymentId ?? "") : "",
      refundAmount: { currency: "USD", value: "100" },
    });
    expect(refundUnpaid.resultCode).toBe("ORDER_STATUS_INVALID");
    const unknown = await stack.client.inquiryRefund({ refundRequestId: "never" });
    expect(unknown.resultCode).toBe("ORDER_NOT_EXIST");
  });
});

describe("refunds the way PROTOCOL.md has them", () => {
  it("makes a refund answered U (the answer is lost, not the refund), and inquiryRefund reports it", async () => {
    stack = await startStack({
      faults: [
        { kind: "unknown-result", apis: ["refund"], count: 1, resultCode: "PAYMENT_IN_PROCESS" },
      ],
    });
    const paymentId = await paidPayment(stack, "refund-unclear", "1000");
    const request = {
      refundRequestId: "refund-unclear_1",
      paymentId,
      refundAmount: { currency: "USD", value: "400" },
    };
    const unclear = await stack.client.refund(request);
    expect([unclear.status, unclear.resultCode]).toStrictEqual(["U", "PAYMENT_IN_PROCESS"]);
    const inquiry = await stack.client.inquiryRefund({ refundRequestId: "refund-unclear_1" });
    expect(inquiry.ok && [inquiry.data.refundStatus, inquiry.data.refundAmount]).toStrictEqual([
      "SUCCESS",
      { currency: "USD", value: "400" },
    ]);
    // Sent again with the same id and fields: the same refund, not a second one.
    const again = await stack.client.refund(request);
    expect(again.status).toBe("S");
    // The same id with another amount: REPEAT_REQ_INCONSISTENT, and nothing more is refunded.
    const altered = await stack.client.refund({
      ...request,
      refundAmount: { currency: "USD", value: "300" },
    });
    expect([altered.status, altered.resultCode]).toStrictEqual(["F", "REPEAT_REQ_INCONSISTENT"]);
    const refunds = stack.server.sandbox.refunds(paymentId);
    expect(refunds.map((r) => [r.refundRequestId, r.amount.value])).toStrictEqual([
      ["refund-unclear_1", "400"],
    ]);
    expect(stack.server.sandbox.refunds("refund-unclear")).toStrictEqual(refunds);
    expect(stack.server.sandbox.payment(paymentId)?.refunded).toBe("400");
  });

  it("answers ORDER_NOT_EXIST to an inquiry about a refund it never took", async () => {
    stack = await startStack();
    const inquiry = await stack.client.inquiryRefund({ refundRequestId: "never-sent_1" });
    expect([inquiry.status, inquiry.resultCode]).toStrictEqual(["F", "ORDER_NOT_EXIST"]);
    expect(stack.server.sandbox.refunds("nothing-here")).toStrictEqual([]);
  });
});
