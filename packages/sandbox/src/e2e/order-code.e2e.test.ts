import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../clock/manual-clock.ts";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function post(url: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

describe("Order Code over HTTP", () => {
  it("is paid in the wallet, notifies a verifying receiver that acks, and inquires SUCCESS", async () => {
    stack = await startStack();
    const { client, receiver, server } = stack;
    const created = await client.createOrderCode(orderCode("order-paid-1", "599", receiver.url));
    if (!created.ok) throw new Error(`pay failed: ${created.rawBody}`);
    const paymentId = created.data.paymentId ?? "";
    expect(created.data.orderCodeForm?.codeDetails).toStrictEqual([
      {
        codeValueType: "QRCODE",
        codeValue: `${server.url}/wallet/${paymentId}`,
        displayType: "TEXT",
      },
    ]);
    expect(created.data.orderCodeForm?.expireTime).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
    );

    const pending = await client.inquiryPayment({ paymentRequestId: "order-paid-1" });
    expect(pending.ok && pending.data.paymentStatus).toBe("PENDING");

    const page = await fetch(`${server.url}/wallet/${paymentId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Pay $5.99");
    const scanned = await client.inquiryPayment({ paymentRequestId: "order-paid-1" });
    expect(scanned.ok && scanned.data.paymentStatus).toBe("PROCESSING");

    const paid = await post(`${server.url}/sandbox/payments/${paymentId}/pay`);
    expect(paid.status).toBe(200);
    await server.sandbox.idle();

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.path).toBe("/alipay/notify");
    expect(receiver.received[0]?.verified).toMatchObject({
      clientId: "SANDBOX_TEST_MERCHANT",
      notification: {
        notifyType: "PAYMENT_RESULT",
        result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
        paymentRequestId: "order-paid-1",
        paymentId,
        paymentAmount: { currency: "USD", value: "599" },
        actualPaymentAmount: { currency: "USD", value: "599" },
      },
    });
    const [record] = server.sandbox.notifications(paymentId);
    expect(record?.acknowledged).toBe(true);
    expect(record?.attempts.map((a) => a.outcome)).toStrictEqual(["acknowledged"]);

    const inquiry = await client.inquiryPayment({ paymentId });
    if (!inquiry.ok) throw new Error(inquiry.rawBody);
    expect(inquiry.data).toMatchObject({
      paymentStatus: "SUCCESS",
      paymentResultCode: "SUCCESS",
      paymentId,
      paymentRequestId: "order-paid-1",
      paymentAmount: { currency: "USD", value: "599" },
    });
  });

  it("is declined with USER_BALANCE_NOT_ENOUGH: F notification, inquiry FAIL, no second action", async () => {
    stack = await startStack();
    const { client, receiver, server } = stack;
    const created = await client.createOrderCode(
      orderCode("order-declined-1", "1250", receiver.url),
    );
    if (!created.ok) throw new Error(created.rawBody);
    const paymentId = created.data.paymentId ?? "";

    const declined = await post(`${server.url}/sandbox/payments/${paymentId}/decline`);
    expect(declined.status).toBe(200);
    await server.sandbox.idle();
    expect(receiver.received[0]?.verified).toMatchObject({
      notification: {
        notifyType: "PAYMENT_RESULT",
        result: {
          resultCode: "USER_BALANCE_NOT_ENOUGH",
          resultStatus: "F",
          resultMessage: "user balance not enough",
        },
        paymentId,
      },
    });
    const inquiry = await client.inquiryPayment({ paymentId });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("FAIL");
    expect(inquiry.ok && inquiry.data.paymentResultCode).toBe("USER_BALANCE_NOT_ENOUGH");

    const again = await post(`${server.url}/sandbox/payments/${paymentId}/pay`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("PAYMENT_FINAL");
  });

  it("expires when told to: F ORDER_IS_CLOSED notification and inquiry FAIL", async () => {
    stack = await startStack();
    const { client, receiver, server } = stack;
    const created = await client.createOrderCode(orderCode("order-expired-1", "800", receiver.url));
    if (!created.ok) throw new Error(created.rawBody);
    const expired = await post(`${server.url}/sandbox/payment-requests/order-expired-1/expire`);
    expect(expired.status).toBe(200);
    await server.sandbox.idle();
    const inquiry = await client.inquiryPayment({ paymentRequestId: "order-expired-1" });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("FAIL");
    expect(inquiry.ok && inquiry.data.paymentResultCode).toBe("ORDER_IS_CLOSED");
    expect(receiver.received[0]?.verified).toMatchObject({
      notification: { result: { resultCode: "ORDER_IS_CLOSED", resultStatus: "F" } },
    });
  });

  it("closes at paymentExpiryTime on the sandbox clock", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock });
    const { client, receiver, server } = stack;
    const expiry = new Date(clock.now() + 5 * 60_000);
    const created = await client.createOrderCode({
      ...orderCode("order-expiry-time", "800", receiver.url),
      paymentExpiryTime: expiry,
    });
    if (!created.ok) throw new Error(created.rawBody);
    expect(Date.parse(created.data.orderCodeForm?.expireTime ?? "")).toBe(
      Math.floor(expiry.getTime() / 1000) * 1000,
    );

    await clock.advance(5 * 60_000 - 1000);
    const open = await client.inquiryPayment({ paymentRequestId: "order-expiry-time" });
    expect(open.ok && open.data.paymentStatus).toBe("PENDING");
    await clock.advance(1000);
    await server.sandbox.idle();
    const closed = await client.inquiryPayment({ paymentRequestId: "order-expiry-time" });
    expect(closed.ok && closed.data.paymentStatus).toBe("FAIL");
    expect(receiver.received).toHaveLength(1);
  });

  it("closes after the default 15 minutes when pay sets no expiry", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock });
    const { client, receiver } = stack;
    await client.createOrderCode(orderCode("order-default-expiry", "800", receiver.url));
    await clock.advance(15 * 60_000 - 1);
    const open = await client.inquiryPayment({ paymentRequestId: "order-default-expiry" });
    expect(open.ok && open.data.paymentStatus).toBe("PENDING");
    await clock.advance(1);
    const closed = await client.inquiryPayment({ paymentRequestId: "order-default-expiry" });
    expect(closed.ok && closed.data.paymentResultCode).toBe("ORDER_IS_CLOSED");
  });

  it("answers ORDER_NOT_EXIST for an unknown payment", async () => {
    stack = await startStack();
    const inquiry = await stack.client.inquiryPayment({ paymentRequestId: "never-created" });
    expect(inquiry.ok).toBe(false);
    expect(inquiry.status).toBe("F");
    expect(inquiry.resultCode).toBe("ORDER_NOT_EXIST");
  });
});

describe("Entry Code over HTTP", () => {
  it("answers a redirect to the wallet page, which links back to the merchant once paid", async () => {
    stack = await startStack();
    const { client, receiver, server } = stack;
    const created = await client.createEntryCode({
      ...orderCode("entry-1", "2500", receiver.url),
      userAgent: "Mozilla/5.0 AlipayClient/10.5",
      paymentRedirectUrl: "https://shop.example/pay/done",
    });
    if (!created.ok) throw new Error(created.rawBody);
    const paymentId = created.data.paymentId ?? "";
    expect(created.data.redirectActionForm).toStrictEqual({
      method: "GET",
      redirectUrl: `${server.url}/wallet/${paymentId}`,
    });
    const form = await fetch(`${server.url}/wallet/${paymentId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`../${paymentId}?scan=false`);
    const page = await (await fetch(`${server.url}/wallet/${paymentId}?scan=false`)).text();
    expect(page).toContain('href="https://shop.example/pay/done"');
    expect(page).toContain("Paid.");
    await server.sandbox.idle();
    expect(receiver.received).toHaveLength(1);
  });
});
