import { env, exports } from "cloudflare:workers";
import { NOTIFICATION_ACK_BODY } from "@ams-edge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import { useSandboxGateway } from "../helpers/sandbox-gateway.ts";
import { paymentResultBody, signedNotification } from "../helpers/signed-notification.ts";
import { call, createOrderCode, eventsOf, readPayment } from "../helpers/worker-http.ts";
import { nestedText } from "./hostile-json.ts";

// Inputs the bad-input sweep found mishandled, kept as exact cases.

afterEach(() => {
  vi.unstubAllGlobals();
});

async function answerOf(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}

function withByte(text: string, marker: string, byte: number): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const at = bytes.indexOf(marker.charCodeAt(0));
  bytes[at] = byte;
  return bytes;
}

const utf8Error = {
  error: {
    code: "INVALID_JSON",
    message:
      "expected a UTF-8 body; it has bytes that are not UTF-8 (send the JSON encoded as UTF-8)",
  },
};

describe("bodies that are not UTF-8", () => {
  it("are refused by the merchant API, not stored with U+FFFD in their place", async () => {
    const sandbox = useSandboxGateway();
    const body = withByte(
      '{"amount":{"currency":"USD","value":"700"},"description":"~Fuzzed order","storeId":"test-store"}',
      "~",
      0x80,
    );
    const answer = await call("/api/payments", {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_KEY}`, "content-type": "application/json" },
      body,
    });
    expect(await answerOf(answer)).toStrictEqual([400, utf8Error]);
    expect(sandbox.payments()).toStrictEqual([]);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM payments").first())?.n).toBe(0);
  });

  it("are refused by the Entry Code API", async () => {
    useSandboxGateway();
    const answer = await call("/api/entry/test-store/payments", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.77" },
      body: withByte('{"amount":{"currency":"U~D","value":"700"}}', "~", 0xc0),
    });
    expect(await answerOf(answer)).toStrictEqual([400, utf8Error]);
  });
});

describe("a verified result nesting an unknown field thousands of levels deep", () => {
  it("is applied and acknowledged, not refused with STORAGE_FAILURE", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const result = paymentResultBody({
      paymentRequestId: created.paymentRequestId,
      paymentId: created.paymentId,
      value: "1250",
    });
    const body = `${result.slice(0, -1)},"extension":${nestedText(5000, "array")}}`;
    const answer = await exports.default.fetch(await signedNotification(body));
    expect([answer.status, await answer.text()]).toStrictEqual([200, NOTIFICATION_ACK_BODY]);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "succeeded",
    );
    const stored = (await eventsOf(created.paymentRequestId)).filter(
      (e) => e.kind === "notification",
    );
    expect(stored.map((e) => e.data.rawBody)).toStrictEqual([body]);
  });
});
