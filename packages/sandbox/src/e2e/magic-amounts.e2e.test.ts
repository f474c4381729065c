import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../clock/manual-clock.ts";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function begin(
  value: string,
): Promise<{ s: Stack; clock: ManualClock; status: () => Promise<unknown> }> {
  const clock = createManualClock(Date.now());
  const s = await startStack({ clock });
  stack = s;
  const created = await s.client.createOrderCode(
    orderCode(`magic-${value}`, value, s.receiver.url),
  );
  if (created.status === "F") throw new Error(created.rawBody);
  const status = async () => {
    const inquiry = await s.client.inquiryPayment({ paymentRequestId: `magic-${value}` });
    return inquiry.ok
      ? [inquiry.data.paymentStatus, inquiry.data.paymentResultCode]
      : inquiry.resultCode;
  };
  return { s, clock, status };
}

describe("magic amounts", () => {
  it("…701 scans at once and pays after 100 ms", async () => {
    const { s, clock, status } = await begin("1701");
    await clock.advance(0);
    expect(await status()).toStrictEqual(["PROCESSING", "PAYMENT_IN_PROCESS"]);
    await clock.advance(99);
    expect(await status()).toStrictEqual(["PROCESSING", "PAYMENT_IN_PROCESS"]);
    await clock.advance(1);
    await s.server.sandbox.idle();
    expect(await status()).toStrictEqual(["SUCCESS", "SUCCESS"]);
    expect(s.receiver.received).toHaveLength(1);
  });

  it("…711 declines with USER_BALANCE_NOT_ENOUGH and …712 with RISK_REJECT", async () => {
    const first = await begin("711");
    await first.clock.advance(100);
    expect(await first.status()).toStrictEqual(["FAIL", "USER_BALANCE_NOT_ENOUGH"]);
    await first.s.close();
    const second = await begin("2712");
    await second.clock.advance(100);
    expect(await second.status()).toStrictEqual(["FAIL", "RISK_REJECT"]);
  });

  it("…721 never pays and closes at expiry", async () => {
    const { clock, status } = await begin("721");
    await clock.advance(15 * 60_000 - 1);
    expect(await status()).toStrictEqual(["PROCESSING", "PAYMENT_IN_PROCESS"]);
    await clock.advance(1);
    expect(await status()).toStrictEqual(["FAIL", "ORDER_IS_CLOSED"]);
  });

  it("…731 answers the first pay with U, the retry with S for the same payment", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock });
    const params = orderCode("magic-731", "5731", stack.receiver.url);
    const first = await stack.client.createOrderCode(params);
    expect([first.status, first.resultCode]).toStrictEqual(["U", "UNKNOWN_EXCEPTION"]);
    const second = await stack.client.createOrderCode(params);
    expect(second.ok && second.data.paymentId).toBe(
      stack.server.sandbox.payment("magic-731")?.paymentId,
    );
  });

  it("…741 pays but sends no notification", async () => {
    const { s, clock, status } = await begin("741");
    await clock.advance(100);
    await s.server.sandbox.idle();
    expect(await status()).toStrictEqual(["SUCCESS", "SUCCESS"]);
    expect(s.receiver.received).toHaveLength(0);
    expect(s.server.sandbox.notifications()).toStrictEqual([]);
  });

  it("…761 reports one minor unit less than asked in the notification and the inquiry", async () => {
    const { s, clock } = await begin("1761");
    await clock.advance(100);
    await s.server.sandbox.idle();
    expect(s.receiver.received[0]?.verified).toMatchObject({
      notification: { paymentAmount: { currency: "USD", value: "1760" } },
    });
    const inquiry = await s.client.inquiryPayment({ paymentRequestId: "magic-1761" });
    expect(inquiry.ok && inquiry.data.actualPaymentAmount).toStrictEqual({
      currency: "USD",
      value: "1760",
    });
  });

  it("are off with magicAmounts: false", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, magicAmounts: false });
    await stack.client.createOrderCode(orderCode("plain-701", "701", stack.receiver.url));
    await clock.advance(1000);
    const inquiry = await stack.client.inquiryPayment({ paymentRequestId: "plain-701" });
    expect(inquiry.ok && inquiry.data.paymentStatus).toBe("PENDING");
  });
});
