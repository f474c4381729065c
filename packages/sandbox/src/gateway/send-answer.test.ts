import { createSignature, formatSignatureHeader, verifySignature } from "@ams-edge/core";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../clock/manual-clock.ts";
import type { FaultRule } from "../faults/fault-rule.ts";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../fixtures/test-keys.ts";
import { createSandbox } from "../sandbox/create-sandbox.ts";
import type { Sandbox } from "../sandbox/sandbox.ts";

const CLIENT_ID = "SANDBOX_UNIT";
const PATH = "/ams/api/v1/payments/inquiryPayment";
const decoder = new TextDecoder();

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function start(faults: FaultRule[], hangMs?: number): { s: Sandbox; clock: ManualClock } {
  const clock = createManualClock(Date.parse("2026-03-01T00:00:00Z"));
  sandbox = createSandbox({
    merchants: [{ clientId: CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
    alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
    clock,
    faults,
    ...(hangMs === undefined ? {} : { hangMs }),
  });
  return { s: sandbox, clock };
}

/** An inquiry of a payment that does not exist, signed as a merchant sends it. */
async function inquiry(s: Sandbox): Promise<Response> {
  const body = JSON.stringify({ paymentRequestId: "no-such" });
  const requestTime = "1767225600000";
  const signature = await createSignature(
    { method: "POST", path: PATH, clientId: CLIENT_ID, requestTime, body },
    TEST_MERCHANT_PRIVATE_KEY,
  );
  return s.fetch(
    new Request(`http://sandbox.test${PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "client-id": CLIENT_ID,
        "request-time": requestTime,
        signature: formatSignatureHeader({ signature }),
      },
      body,
    }),
  );
}

/** Reads a body chunk by chunk, and says whether the next read has settled yet. */
function chunks(response: Response) {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error("expected a body");
  const received: Uint8Array[] = [];
  let done = false;
  const drained = (async () => {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      received.push(next.value);
    }
    done = true;
  })();
  const text = () => decoder.decode(Buffer.concat(received));
  return { reader, received, text, isDone: () => done, drained };
}

describe("stall-body", () => {
  it("sends the headers and the first half of the body at once, the rest after delayMs", async () => {
    const { s, clock } = start([{ kind: "stall-body", delayMs: 30_000 }]);
    const response = await inquiry(s);
    expect(response.status).toBe(200);
    const body = chunks(response);
    await clock.advance(29_999);
    expect(body.isDone()).toBe(false);
    expect(body.received).toHaveLength(1);
    const whole = await (async () => {
      await clock.advance(1);
      await body.drained;
      return body.text();
    })();
    expect(body.received.map((c) => c.length)).toStrictEqual([
      Math.ceil(whole.length / 2),
      Math.floor(whole.length / 2),
    ]);
    expect(JSON.parse(whole).result).toMatchObject({ resultCode: "ORDER_NOT_EXIST" });
    // Signed over the whole body, as any answer.
    await expect(
      verifySignature(
        {
          method: "POST",
          path: PATH,
          clientId: CLIENT_ID,
          requestTime: response.headers.get("response-time") ?? "",
          body: whole,
        },
        response.headers.get("signature") ?? "",
        TEST_ALIPAY_PUBLIC_KEY,
      ),
    ).resolves.toBe(true);
    expect(s.faults.list()[0]?.struck).toBe(1);
  });

  it("holds the rest for hangMs by default", async () => {
    const { s, clock } = start([{ kind: "stall-body" }], 5000);
    const body = chunks(await inquiry(s));
    await clock.advance(4999);
    expect(body.isDone()).toBe(false);
    await clock.advance(1);
    await body.drained;
    expect(JSON.parse(body.text()).result.resultCode).toBe("ORDER_NOT_EXIST");
  });

  it("is released when the client gives up (cancels the body)", async () => {
    const { s, clock } = start([{ kind: "stall-body" }]);
    const body = chunks(await inquiry(s));
    await clock.advance(10);
    expect(clock.pendingTimers()).toBe(1);
    await body.reader.cancel();
    await body.drained;
    expect(clock.pendingTimers()).toBe(0);
    expect(body.received).toHaveLength(1);
  });

  it("finishes the body when the sandbox closes", async () => {
    const { s } = start([{ kind: "stall-body" }]);
    const body = chunks(await inquiry(s));
    await s.close();
    await body.drained;
    expect(JSON.parse(body.text()).result.resultCode).toBe("ORDER_NOT_EXIST");
  });

  it("strikes only the operations listed", async () => {
    const { s } = start([{ kind: "stall-body", apis: ["pay"] }]);
    const answer = JSON.parse(await (await inquiry(s)).text());
    expect(answer.result.resultCode).toBe("ORDER_NOT_EXIST");
    expect(s.faults.list()[0]?.struck).toBe(0);
  });
});
