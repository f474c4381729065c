import type { AmsRetryEvent } from "@ams-edge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createManualClock } from "../clock/manual-clock.ts";
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

  it("stall-body: a body that stalls past the deadline is TIMEOUT at the deadline, the request is dropped, and the same request id then succeeds", async () => {
    // The sandbox's clock stands still: the stalled rest would never come on its own.
    const clock = createManualClock();
    const timeoutMs = 300;
    // What arrived before the deadline: the status line and headers of each response.
    const heads: string[] = [];
    stack = await startStack(
      { clock, faults: [{ kind: "stall-body", apis: ["pay"], count: 1 }] },
      {
        timeoutMs,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          heads.push(`${response.status} ${response.headers.get("content-type")}`);
          return response;
        },
      },
    );
    const params = orderCode("stall-1", "450", stack.receiver.url);
    const started = performance.now();
    await expect(stack.client.createOrderCode(params)).rejects.toMatchObject({
      name: "AmsClientError",
      code: "TIMEOUT",
      message: `No verified answer to pay within ${timeoutMs} ms (1 attempt(s)).`,
      attempts: 1,
    });
    const elapsed = performance.now() - started;
    expect(heads).toStrictEqual(["200 application/json; charset=UTF-8"]);
    // At the deadline, not at the end of the sandbox's stall (a minute, or never here).
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 1);
    expect(elapsed).toBeLessThan(timeoutMs + 5000);
    const [payment] = stack.server.sandbox.payments();
    expect(payment?.status).toBe("PENDING");
    // The client dropped the connection, which released the stall: only the payment's expiry
    // timer is left on the sandbox clock.
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1));

    const retry = await stack.client.createOrderCode(params);
    expect([retry.ok, retry.status]).toStrictEqual([true, "S"]);
    expect(retry.ok && retry.data.paymentId).toBe(payment?.paymentId);
    expect(stack.server.sandbox.payments()).toHaveLength(1);
  });

  it("stall-body: the client's own retry, with the same request id, gets the answer", async () => {
    const retries: AmsRetryEvent[] = [];
    stack = await startStack(
      { faults: [{ kind: "stall-body", apis: ["inquiryPayment"], count: 1 }] },
      {
        timeoutMs: 300,
        retry: { limit: 1, baseDelayMs: 10 },
        hooks: { beforeRetry: (event) => void retries.push(event) },
      },
    );
    const created = await stack.client.createOrderCode(
      orderCode("stall-2", "450", stack.receiver.url),
    );
    const inquiry = await stack.client.inquiryPayment({ paymentRequestId: "stall-2" });
    expect([inquiry.ok, inquiry.status]).toStrictEqual([true, "S"]);
    expect(inquiry.ok && inquiry.data.paymentId).toBe(created.ok && created.data.paymentId);
    expect(retries.map((r) => [r.operation, r.attempt, r.reason])).toStrictEqual([
      ["inquiryPayment", 2, "TIMEOUT"],
    ]);
  });

  it("stall-body that ends before the deadline is a slow answer, not a failure", async () => {
    stack = await startStack(
      { faults: [{ kind: "stall-body", delayMs: 50, count: 1 }] },
      { timeoutMs: 5000 },
    );
    const result = await stack.client.inquiryPayment({ paymentRequestId: "no-such" });
    expect([result.status, result.resultCode]).toStrictEqual(["F", "ORDER_NOT_EXIST"]);
    expect(stack.server.sandbox.faults.list()[0]?.struck).toBe(1);
  });

  it("traffic-limit turns a cancel away with U REQUEST_TRAFFIC_EXCEED_LIMIT and cancels nothing", async () => {
    stack = await startStack({ faults: [{ kind: "traffic-limit", apis: ["cancel"], count: 1 }] });
    await stack.client.createOrderCode(orderCode("limit-1", "450", stack.receiver.url));
    const limited = await stack.client.cancel({ paymentRequestId: "limit-1" });
    expect([limited.ok, limited.status, limited.resultCode]).toStrictEqual([
      false,
      "U",
      "REQUEST_TRAFFIC_EXCEED_LIMIT",
    ]);
    expect(stack.server.sandbox.payment("limit-1")?.status).toBe("PENDING");
    const again = await stack.client.cancel({ paymentRequestId: "limit-1" });
    expect(again.status).toBe("S");
    expect(stack.server.sandbox.payment("limit-1")?.status).toBe("CANCELLED");
  });

  it("traffic-limit on pay: the client retries with the same request id, and one payment is made", async () => {
    const retries: AmsRetryEvent[] = [];
    stack = await startStack(
      { faults: [{ kind: "traffic-limit", apis: ["pay"], count: 2 }] },
      {
        retry: { limit: 2, baseDelayMs: 10 },
        hooks: { beforeRetry: (event) => void retries.push(event) },
      },
    );
    const created = await stack.client.createOrderCode(
      orderCode("limit-2", "450", stack.receiver.url),
    );
    expect([created.ok, created.status]).toStrictEqual([true, "S"]);
    expect(retries.map((r) => r.reason)).toStrictEqual(["RESULT_CODE", "RESULT_CODE"]);
    expect(stack.server.sandbox.payments().map((p) => p.paymentRequestId)).toStrictEqual([
      "limit-2",
    ]);
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
        message: `fault[0]: "kind" must be one of drop-notification, duplicate-notification, delay-notification, reorder-notifications, corrupt-notification-signature, unknown-result, traffic-limit, http-error, hang, stall-body, unsigned-failure, corrupt-signature; got "explode"`,
      },
    });
  });
});
