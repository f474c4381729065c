import { afterEach, describe, expect, it, vi } from "vitest";
import { verifySignature } from "../signature/index.ts";
import type { AmsClient } from "./ams-client.ts";
import { AmsClientError } from "./ams-client-error.ts";
import type { AmsClientOptions, AmsRetryEvent } from "./client-options.ts";
import { createAmsClient } from "./create-ams-client.ts";
import {
  type CapturedRequest,
  fakeFetch,
  never,
  result,
  type StalledResponse,
  signedResponse,
  stalledResponse,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "./fixtures/fake-gateway.ts";
import { TEST_PAY_REQUEST } from "./fixtures/pay-request.ts";

const PAY_PATH = "/ams/api/v1/payments/pay";
const REFUND = {
  refundRequestId: "refund_test_0001",
  paymentId: "2026112219074101000000000000001",
  refundAmount: { currency: "USD", value: "100" },
};
const PAY = { ...TEST_PAY_REQUEST, paymentRequestId: "pay_retry_0001" };
const paySuccess = {
  result: result("S", "SUCCESS", "success"),
  paymentRequestId: "pay_retry_0001",
  orderCodeForm: {
    codeDetails: [
      { codeValueType: "QRCODE", codeValue: "https://qr.example/a", displayType: "TEXT" },
    ],
  },
};

function setup(
  respond: (
    request: CapturedRequest,
    index: number,
    signal: AbortSignal,
  ) => Response | Promise<Response>,
  options: Partial<AmsClientOptions> = {},
) {
  const gateway = fakeFetch(respond);
  const retries: AmsRetryEvent[] = [];
  const client = createAmsClient({
    clientId: "TEST_CLIENT",
    privateKey: TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: "sea",
    fetch: gateway.fetch,
    retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 4 },
    hooks: { beforeRetry: (event) => void retries.push(event) },
    ...options,
  });
  return { client, requests: gateway.requests, retries };
}

const signed = (body: object) => (request: CapturedRequest) =>
  signedResponse(body, { path: request.path });

afterEach(() => {
  vi.useRealTimers();
});

/** Runs `call` and records how it settles, so that a test can check it has not yet. */
function track(call: Promise<unknown>) {
  const state: { settled: boolean; value?: unknown; error?: unknown } = { settled: false };
  const done = call.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return { state, done };
}

/** Promises resolved in order by `next()`: "the n-th request has arrived", and the like. */
function milestones(count: number) {
  const marks: (() => void)[] = [];
  const reached = Array.from(
    { length: count },
    (_, i) =>
      new Promise<void>((resolve) => {
        marks[i] = resolve;
      }),
  );
  let passed = 0;
  return {
    reached,
    next() {
      marks[passed]?.();
      passed += 1;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("retries", () => {
  it("re-sends pay after a 503 with the same body bytes and a fresh valid signature", async () => {
    const { client, requests, retries } = setup((req, i) =>
      i === 0
        ? new Response("busy", { status: 503 })
        : signedResponse(paySuccess, { path: req.path }),
    );
    const outcome = await client.pay(PAY);

    expect(outcome).toMatchObject({ ok: true, status: "S", data: paySuccess });
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    if (first === undefined || second === undefined) throw new Error("two requests expected");
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body).paymentRequestId).toBe("pay_retry_0001");
    for (const request of requests) {
      await expect(
        verifySignature(
          {
            method: "POST",
            path: PAY_PATH,
            clientId: "TEST_CLIENT",
            requestTime: request.headers.get("request-time") ?? "",
            body: request.body,
          },
          request.headers.get("signature") ?? "",
          TEST_MERCHANT_PUBLIC_KEY,
        ),
      ).resolves.toBe(true);
    }
    expect(retries).toStrictEqual([
      {
        operation: "pay",
        url: `https://open-sea.alipay.com${PAY_PATH}`,
        attempt: 2,
        delayMs: expect.any(Number),
        reason: "HTTP_STATUS",
      },
    ]);
  });

  it("re-sends refund after a network error with the same refundRequestId", async () => {
    const { client, requests, retries } = setup((req, i) => {
      if (i === 0) throw new TypeError("fetch failed");
      return signedResponse(
        { result: result("S", "SUCCESS"), refundRequestId: "refund_test_0001" },
        { path: req.path },
      );
    });
    await expect(client.refund(REFUND)).resolves.toMatchObject({ ok: true, status: "S" });
    expect(requests.map((r) => r.body)).toStrictEqual([
      JSON.stringify(REFUND),
      JSON.stringify(REFUND),
    ]);
    expect(retries.map((r) => r.reason)).toStrictEqual(["NETWORK"]);
  });

  it("retries when the response body breaks off", async () => {
    const { client, requests, retries } = setup((req, i) => {
      if (i > 0) return signedResponse(paySuccess, { path: req.path });
      const broken = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"result":'));
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(broken, { status: 200 });
    });
    await expect(client.pay(PAY)).resolves.toMatchObject({ ok: true, status: "S" });
    expect(requests).toHaveLength(2);
    expect(retries.map((r) => r.reason)).toStrictEqual(["NETWORK"]);
  });

  it("treats any rejection of the injected fetch as a network failure", async () => {
    const cause = new Error("socket hang up");
    const { client, requests } = setup(() => {
      throw cause;
    });
    const error = await rejection(client.inquiryPayment({ paymentId: "p1" }));
    expect(error).toMatchObject({ name: "AmsClientError", code: "NETWORK", attempts: 3, cause });
    expect(requests).toHaveLength(3);
  });

  it.each(["UNKNOWN_EXCEPTION", "REQUEST_TRAFFIC_EXCEED_LIMIT"])("retries a U %s", async (code) => {
    const { client, requests, retries } = setup((req, i) =>
      signedResponse(i === 0 ? { result: result("U", code) } : paySuccess, { path: req.path }),
    );
    await expect(client.pay(PAY)).resolves.toMatchObject({ ok: true, status: "S" });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(retries.map((r) => r.reason)).toStrictEqual(["RESULT_CODE"]);
  });

  it("does not retry a U PAYMENT_IN_PROCESS: the payment exists, inquire instead", async () => {
    const { client, requests } = setup(signed({ result: result("U", "PAYMENT_IN_PROCESS") }));
    await expect(client.pay(PAY)).resolves.toMatchObject({
      ok: false,
      status: "U",
      resultCode: "PAYMENT_IN_PROCESS",
    });
    expect(requests).toHaveLength(1);
  });

  it("returns the last U once the retries are used up", async () => {
    const { client, requests } = setup(
      signed({ result: result("U", "UNKNOWN_EXCEPTION", "try later") }),
    );
    await expect(client.inquiryRefund({ refundId: "r1" })).resolves.toStrictEqual({
      ok: false,
      status: "U",
      resultCode: "UNKNOWN_EXCEPTION",
      resultMessage: "try later",
      rawBody: JSON.stringify({ result: result("U", "UNKNOWN_EXCEPTION", "try later") }),
      httpStatus: 200,
      data: { result: result("U", "UNKNOWN_EXCEPTION", "try later") },
    });
    expect(requests).toHaveLength(3);
  });

  it.each(["PROCESS_FAIL", "REPEAT_REQ_INCONSISTENT", "ORDER_NOT_EXIST"])(
    "never retries an F (%s)",
    async (code) => {
      const { client, requests, retries } = setup(signed({ result: result("F", code) }), {
        retry: { limit: 5, baseDelayMs: 1 },
      });
      await expect(client.cancel({ paymentRequestId: "pay_retry_0001" })).resolves.toMatchObject({
        ok: false,
        status: "F",
        resultCode: code,
      });
      expect(requests).toHaveLength(1);
      expect(retries).toStrictEqual([]);
    },
  );

  it("does not retry a 4xx other than 408 and 429", async () => {
    const { client, requests } = setup(() => new Response("nope", { status: 404 }));
    await expect(client.cancel({ paymentId: "p1" })).rejects.toMatchObject({
      code: "HTTP_STATUS",
      httpStatus: 404,
    });
    expect(requests).toHaveLength(1);
  });

  it("gives up with HTTP_STATUS after the last retry of a 5xx", async () => {
    const { client, requests } = setup(
      () => new Response("oops", { status: 500, headers: { "trace-id": "t-9" } }),
    );
    const error = await rejection(client.pay(PAY));
    expect(error).toMatchObject({
      code: "HTTP_STATUS",
      httpStatus: 500,
      attempts: 3,
      requestId: "t-9",
    });
    expect(requests).toHaveLength(3);
  });

  it("does not retry a response that fails verification", async () => {
    const { client, requests } = setup((req) =>
      signedResponse({ result: result("S", "SUCCESS") }, { path: req.path, signing: "unsigned" }),
    );
    await expect(client.inquiryPayment({ paymentId: "p1" })).rejects.toMatchObject({
      code: "RESPONSE_UNSIGNED",
    });
    expect(requests).toHaveLength(1);
  });

  it("sends once with retry: false per call", async () => {
    const { client, requests } = setup(() => new Response("busy", { status: 503 }));
    await expect(client.pay(PAY, { retry: false })).rejects.toMatchObject({
      code: "HTTP_STATUS",
      attempts: 1,
    });
    expect(requests).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  it("waits the seconds a 429 asks for", async () => {
    const { client, retries } = setup((req, i) =>
      i === 0
        ? new Response("slow down", { status: 429, headers: { "retry-after": "1" } })
        : signedResponse(paySuccess, { path: req.path }),
    );
    await expect(client.pay(PAY)).resolves.toMatchObject({ status: "S" });
    expect(retries.map((r) => [r.reason, r.delayMs])).toStrictEqual([["HTTP_STATUS", 1000]]);
  });

  it("honours an HTTP date on a U REQUEST_TRAFFIC_EXCEED_LIMIT (a past date means now)", async () => {
    const { client, retries } = setup((req, i) =>
      signedResponse(
        i === 0 ? { result: result("U", "REQUEST_TRAFFIC_EXCEED_LIMIT") } : paySuccess,
        {
          path: req.path,
          headers: i === 0 ? { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" } : {},
        },
      ),
    );
    await expect(client.pay(PAY)).resolves.toMatchObject({ status: "S" });
    expect(retries.map((r) => [r.reason, r.delayMs])).toStrictEqual([["RESULT_CODE", 0]]);
  });

  it("stops retrying when Retry-After exceeds maxRetryAfterMs", async () => {
    const { client, requests } = setup(
      () => new Response("maintenance", { status: 503, headers: { "retry-after": "3600" } }),
      { retry: { limit: 2, baseDelayMs: 1, maxRetryAfterMs: 60_000 } },
    );
    await expect(client.pay(PAY)).rejects.toMatchObject({
      code: "HTTP_STATUS",
      httpStatus: 503,
      attempts: 1,
    });
    expect(requests).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  it("fails with TIMEOUT when the gateway does not answer in timeoutMs", async () => {
    vi.useFakeTimers();
    const arrived = milestones(1);
    const { client, requests } = setup(
      (_req, _i, signal) => {
        arrived.next();
        return never(signal);
      },
      { timeoutMs: 30, retry: false },
    );
    const { state, done } = track(client.inquiryPayment({ paymentId: "p1" }));
    await arrived.reached[0];
    await vi.advanceTimersByTimeAsync(29);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(state.error).toMatchObject({
      name: "AmsClientError",
      code: "TIMEOUT",
      message: "No verified answer to inquiryPayment within 30 ms (1 attempt(s)).",
      attempts: 1,
      operation: "inquiryPayment",
    });
    expect(requests).toHaveLength(1);
  });

  it("retries after a timeout with the same body, honouring a per-call timeoutMs", async () => {
    vi.useFakeTimers();
    const arrived = milestones(1);
    const { client, requests, retries } = setup((req, i, signal) => {
      arrived.next();
      return i === 0 ? never(signal) : signedResponse(paySuccess, { path: req.path });
    });
    const { state, done } = track(client.pay(PAY, { timeoutMs: 30 }));
    await arrived.reached[0];
    // The deadline, then the backoff (at most 4 ms in this setup).
    await vi.advanceTimersByTimeAsync(30 + 4);
    await done;
    expect(state.value).toMatchObject({ status: "S" });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(retries.map((r) => r.reason)).toStrictEqual(["TIMEOUT"]);
  });

  it("fails with ABORTED when the caller's signal fires during a request", async () => {
    const controller = new AbortController();
    const { client, requests } = setup((_req, _i, signal) => {
      queueMicrotask(() => controller.abort(new Error("user left")));
      return never(signal);
    });
    const error = await rejection(
      client.inquiryPayment({ paymentId: "p1" }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: "ABORTED", attempts: 1 });
    expect((error as Error).cause).toStrictEqual(new Error("user left"));
    expect(requests).toHaveLength(1);
  });

  it("fails with ABORTED when the caller's signal fires while waiting to retry", async () => {
    const controller = new AbortController();
    const { client, requests } = setup(
      () => {
        setTimeout(() => controller.abort(), 5);
        return new Response("busy", { status: 503, headers: { "retry-after": "10" } });
      },
      { retry: { limit: 2, maxRetryAfterMs: 20_000 } },
    );
    await expect(client.pay(PAY, { signal: controller.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
    expect(requests).toHaveLength(1);
  });
});

describe("the deadline covers the response body", () => {
  const TIMEOUT_MS = 1000;
  const answer = { result: result("S", "SUCCESS"), paymentRequestId: "pay_retry_0001" };
  const OPERATIONS = [
    ["pay", (c: AmsClient) => c.pay(PAY)],
    ["inquiryPayment", (c: AmsClient) => c.inquiryPayment({ paymentRequestId: "pay_retry_0001" })],
    ["cancel", (c: AmsClient) => c.cancel({ paymentRequestId: "pay_retry_0001" })],
  ] as const;

  /** A gateway whose first answers stall mid-body; the signals each request was sent with. */
  function stallingGateway(options: { stalls: number; honoursSignal: boolean }) {
    const stalls: StalledResponse[] = [];
    const signals: AbortSignal[] = [];
    const stalling = milestones(options.stalls);
    const respond = async (req: CapturedRequest, i: number, signal: AbortSignal) => {
      signals.push(signal);
      if (i >= options.stalls) return signedResponse(paySuccess, { path: req.path });
      const stall = await stalledResponse(
        answer,
        { path: req.path },
        options.honoursSignal ? signal : undefined,
      );
      stalls.push(stall);
      void stall.stalled.then(stalling.next);
      return stall.response;
    };
    // `stalled[n]`: the (n+1)-th response has sent its first bytes and the client waits for more.
    return { respond, stalls, signals, stalled: stalling.reached };
  }

  describe.each(OPERATIONS)("%s", (operation, call) => {
    it.each([
      ["one that fails when the request is aborted, as fetch's does", true],
      ["one that ignores the abort", false],
    ])(
      "ends with TIMEOUT when the body stalls (%s), and aborts the request",
      async (_, honoursSignal) => {
        vi.useFakeTimers();
        const gateway = stallingGateway({ stalls: 1, honoursSignal });
        const { client, requests } = setup(gateway.respond, {
          timeoutMs: TIMEOUT_MS,
          retry: false,
        });
        const { state, done } = track(call(client));
        await gateway.stalled[0];
        await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
        expect(state.settled).toBe(false);
        expect(gateway.signals[0]?.aborted).toBe(false);

        await vi.advanceTimersByTimeAsync(1);
        await done;
        expect(state.error).toBeInstanceOf(AmsClientError);
        expect(state.error).toMatchObject({
          code: "TIMEOUT",
          message: `No verified answer to ${operation} within ${TIMEOUT_MS} ms (1 attempt(s)).`,
          operation,
          attempts: 1,
          hint: "The outcome is unknown: inquire, or retry with the same request id.",
        });
        expect(requests).toHaveLength(1);
        expect(gateway.signals[0]?.aborted).toBe(true);
        expect(vi.getTimerCount()).toBe(0);
      },
    );
  });

  it.each(OPERATIONS)(
    "retries %s after a stalled body with the same body bytes, and the retry succeeds",
    async (operation, call) => {
      vi.useFakeTimers();
      const gateway = stallingGateway({ stalls: 1, honoursSignal: false });
      const { client, requests, retries } = setup(gateway.respond, { timeoutMs: TIMEOUT_MS });
      const { state, done } = track(call(client));
      await gateway.stalled[0];
      // The deadline, then the backoff (at most 4 ms in this setup).
      await vi.advanceTimersByTimeAsync(TIMEOUT_MS + 4);
      await done;
      expect(state.error).toBeUndefined();
      expect(state.value).toMatchObject({ ok: true, status: "S" });
      expect(requests).toHaveLength(2);
      expect(requests[1]?.body).toBe(requests[0]?.body);
      expect(retries).toStrictEqual([
        {
          operation,
          url: expect.stringContaining(requests[0]?.path ?? "?"),
          attempt: 2,
          delayMs: expect.any(Number),
          reason: "TIMEOUT",
        },
      ]);
      expect(gateway.signals.map((signal) => signal.aborted)).toStrictEqual([true, false]);
    },
  );

  it("gives up with TIMEOUT once every attempt has stalled", async () => {
    vi.useFakeTimers();
    const gateway = stallingGateway({ stalls: 3, honoursSignal: true });
    const { client, requests } = setup(gateway.respond, { timeoutMs: TIMEOUT_MS });
    const { state, done } = track(client.pay(PAY));
    for (const stalled of gateway.stalled) {
      await stalled;
      expect(state.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(TIMEOUT_MS + 4);
    }
    await done;
    expect(state.error).toMatchObject({ code: "TIMEOUT", attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(gateway.signals.map((signal) => signal.aborted)).toStrictEqual([true, true, true]);
  });

  it("accepts a slow body that completes before the deadline, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const gateway = stallingGateway({ stalls: 1, honoursSignal: true });
    const { client, requests } = setup(gateway.respond, { timeoutMs: TIMEOUT_MS });
    const { state, done } = track(client.inquiryPayment({ paymentRequestId: "pay_retry_0001" }));
    await gateway.stalled[0];
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    gateway.stalls[0]?.finish();
    await done;
    expect(state.value).toMatchObject({ ok: true, status: "S", data: answer });
    expect(requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(gateway.signals[0]?.aborted).toBe(false);
  });

  it.each([true, false])(
    "ends with ABORTED at once when the caller's signal fires during a stalled body (body honours the abort: %s)",
    async (honoursSignal) => {
      vi.useFakeTimers();
      const gateway = stallingGateway({ stalls: 1, honoursSignal });
      const { client, requests } = setup(gateway.respond, { timeoutMs: TIMEOUT_MS });
      const controller = new AbortController();
      const { state, done } = track(
        client.cancel({ paymentRequestId: "pay_retry_0001" }, { signal: controller.signal }),
      );
      await gateway.stalled[0];
      controller.abort(new Error("user left"));
      await done;
      expect(state.error).toMatchObject({
        code: "ABORTED",
        message: "The cancel call was aborted.",
        attempts: 1,
      });
      expect((state.error as Error).cause).toStrictEqual(new Error("user left"));
      expect(requests).toHaveLength(1);
      expect(gateway.signals[0]?.aborted).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    },
  );
});

describe("hooks", () => {
  it("reports each request and response, without key material or Agent-Token", async () => {
    const events: unknown[] = [];
    const { client, requests } = setup(
      (req, i) =>
        signedResponse(i === 0 ? { result: result("U", "UNKNOWN_EXCEPTION") } : paySuccess, {
          path: req.path,
          headers: { "request-id": `gw-${i}` },
        }),
      {
        agentToken: "secret-agent-token",
        hooks: {
          beforeRequest: (event) => void events.push(["request", event]),
          afterResponse: (event) => void events.push(["response", event]),
          beforeRetry: (event) => void events.push(["retry", event]),
        },
      },
    );
    await client.pay(PAY);
    const url = `https://open-sea.alipay.com${PAY_PATH}`;
    const request = (attempt: number) => [
      "request",
      {
        operation: "pay",
        url,
        attempt,
        requestTime: requests[attempt - 1]?.headers.get("request-time"),
        body: requests[0]?.body,
      },
    ];
    const response = (attempt: number, resultStatus: string, resultCode: string) => [
      "response",
      {
        operation: "pay",
        url,
        attempt,
        httpStatus: 200,
        durationMs: expect.any(Number),
        requestId: `gw-${attempt - 1}`,
        resultStatus,
        resultCode,
      },
    ];
    expect(events).toStrictEqual([
      request(1),
      response(1, "U", "UNKNOWN_EXCEPTION"),
      [
        "retry",
        { operation: "pay", url, attempt: 2, delayMs: expect.any(Number), reason: "RESULT_CODE" },
      ],
      request(2),
      response(2, "S", "SUCCESS"),
    ]);
    const logged = JSON.stringify(events);
    expect(logged).not.toContain("secret-agent-token");
    expect(logged).not.toContain(TEST_MERCHANT_PRIVATE_KEY.slice(40, 80));
  });
});
