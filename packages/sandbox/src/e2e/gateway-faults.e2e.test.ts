import { afterEach, describe, expect, it } from "vitest";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function setFaults(s: Stack, body: unknown): Promise<Response> {
  return fetch(`${s.server.url}/sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("gateway faults, as the client sees them", () => {
  it("unknown-result answers pay with U UNKNOWN_EXCEPTION; the payment exists and a retry answers S", async () => {
    stack = await startStack({ faults: [{ kind: "unknown-result", apis: ["pay"], count: 1 }] });
    const params = orderCode("u-pay", "450", stack.receiver.url);
    const first = await stack.client.createOrderCode(params);
    expect([first.ok, first.status, first.resultCode]).toStrictEqual([
      false,
      "U",
      "UNKNOWN_EXCEPTION",
    ]);
    const [payment] = stack.server.sandbox.payments();
    const retry = await stack.client.createOrderCode(params);
    expect(retry.ok && retry.data.paymentId).toBe(payment?.paymentId);
  });

  it("unknown-result answers inquiryPayment with U by default, and leaves cancel alone", async () => {
    stack = await startStack();
    await stack.client.createOrderCode(orderCode("u-inquiry", "450", stack.receiver.url));
    expect(
      (
        await setFaults(stack, {
          kind: "unknown-result",
          resultCode: "REQUEST_TRAFFIC_EXCEED_LIMIT",
        })
      ).status,
    ).toBe(201);
    const inquiry = await stack.client.inquiryPayment({ paymentRequestId: "u-inquiry" });
    expect([inquiry.status, inquiry.resultCode]).toStrictEqual([
      "U",
      "REQUEST_TRAFFIC_EXCEED_LIMIT",
    ]);
    const cancel = await stack.client.cancel({ paymentRequestId: "u-inquiry" });
    expect(cancel.status).toBe("S");
  });

  it("http-error answers 500 or 502, which the client reports as HTTP_STATUS", async () => {
    stack = await startStack({
      faults: [
        { kind: "http-error", status: 502, count: 1 },
        { kind: "http-error", count: 1 },
      ],
    });
    const call = () => stack?.client.inquiryPayment({ paymentRequestId: "whatever" });
    await expect(call()).rejects.toMatchObject({
      name: "AmsClientError",
      code: "HTTP_STATUS",
      httpStatus: 502,
    });
    await expect(call()).rejects.toMatchObject({ code: "HTTP_STATUS", httpStatus: 500 });
    const after = await call();
    expect(after?.resultCode).toBe("ORDER_NOT_EXIST");
  });

  it("hang holds the answer past the client's timeout (TIMEOUT), and closing releases it", async () => {
    stack = await startStack({ faults: [{ kind: "hang", apis: ["pay"] }] }, { timeoutMs: 200 });
    await expect(
      stack.client.createOrderCode(orderCode("hang-1", "450", stack.receiver.url)),
    ).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(stack.server.sandbox.payment("hang-1")?.status).toBe("PENDING");
    await stack.close();
    stack = undefined;
  });

  it("unsigned-failure sends F without signature and response-time: the client accepts the F", async () => {
    stack = await startStack({ faults: [{ kind: "unsigned-failure" }] });
    const created = await stack.client.createOrderCode(
      orderCode("unsigned-1", "450", stack.receiver.url),
    );
    expect(created.status).toBe("S");
    const result = await stack.client.inquiryPayment({ paymentRequestId: "no-such" });
    expect([result.status, result.resultCode]).toStrictEqual(["F", "ORDER_NOT_EXIST"]);
    expect(stack.server.sandbox.faults.list()[0]?.struck).toBe(1);
  });

  it("unsigned-failure with partial keeps response-time only: the client refuses it", async () => {
    stack = await startStack({ faults: [{ kind: "unsigned-failure", partial: true }] });
    await expect(
      stack.client.inquiryPayment({ paymentRequestId: "no-such" }),
    ).rejects.toMatchObject({
      code: "RESPONSE_SIGNATURE_INCOMPLETE",
    });
  });

  it("corrupt-signature sends a signature that does not verify: RESPONSE_SIGNATURE_INVALID", async () => {
    stack = await startStack();
    await setFaults(stack, {
      faults: [{ kind: "corrupt-signature", apis: ["inquiryPayment"], count: 1 }],
    });
    await expect(
      stack.client.inquiryPayment({ paymentRequestId: "no-such" }),
    ).rejects.toMatchObject({
      code: "RESPONSE_SIGNATURE_INVALID",
    });
    const listed = (await (await fetch(`${stack.server.url}/sandbox/faults`)).json()) as {
      faults: { kind: string; remaining: number; struck: number }[];
    };
    expect(listed.faults.map((f) => [f.kind, f.remaining, f.struck])).toStrictEqual([
      ["corrupt-signature", 0, 1],
    ]);
    const next = await stack.client.inquiryPayment({ paymentRequestId: "no-such" });
    expect(next.resultCode).toBe("ORDER_NOT_EXIST");
  });

  it("a probability draws from the seed: the same seed strikes the same calls", async () => {
    const strikes = async (seed: number): Promise<boolean[]> => {
      const s = await startStack({ seed, faults: [{ kind: "unknown-result", probability: 0.5 }] });
      const seen: boolean[] = [];
      for (let i = 0; i < 12; i += 1) {
        const result = await s.client.inquiryPayment({ paymentRequestId: "no-such" });
        seen.push(result.status === "U");
      }
      await s.close();
      return seen;
    };
    const first = await strikes(7);
    expect(await strikes(7)).toStrictEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it("POST /sandbox/faults rejects an unknown kind with a 400 naming it", async () => {
    stack = await startStack();
    const response = await setFaults(stack, { faults: [{ kind: "explode" }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toStrictEqual({
      error: {
        code: "BAD_FAULT",
        message: `fault[0]: "kind" must be one of drop-notification, duplicate-notification, delay-notification, reorder-notifications, corrupt-notification-signature, unknown-result, http-error, hang, unsigned-failure, corrupt-signature; got "explode"`,
      },
    });
  });
});
