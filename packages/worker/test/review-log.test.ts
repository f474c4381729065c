import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { ReviewNotificationPageSchema } from "@ams-edge/core/api";
import * as v from "valibot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { signedNotification } from "./helpers/signed-notification.ts";
import { call, createOrderCode, merchant } from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function deliver(body: string): Promise<void> {
  const answer = await exports.default.fetch(await signedNotification(body));
  expect(answer.status).toBe(200);
  await answer.text();
}

async function page(query: string) {
  const answer = await merchant(`/api/notifications${query}`);
  expect(answer.status).toBe(200);
  return v.parse(ReviewNotificationPageSchema, await answer.json());
}

describe("GET /api/notifications?applied=false", () => {
  it("lists what no payment took and what a payment kept without applying, with reasons", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const dispute = JSON.stringify({ notifyType: "DISPUTE_OPENED", disputeId: "d-1" });
    const unreadable = JSON.stringify({
      notifyType: "PAYMENT_RESULT",
      paymentRequestId: created.paymentRequestId,
      result: null,
    });
    await deliver(dispute);
    await deliver(unreadable);
    // The payment's entry reaches the review log after the acknowledgement, with its alarm.
    const stub = env.PAYMENTS.get(env.PAYMENTS.idFromName(created.paymentRequestId));
    for (let runs = 0; runs < 3 && (await runDurableObjectAlarm(stub)); runs += 1);

    const all = await page("?applied=false");
    expect(
      all.notifications.map(({ notifyType, paymentRequestId, reason, body }) => ({
        notifyType,
        paymentRequestId,
        reason,
        body,
      })),
    ).toStrictEqual([
      {
        notifyType: "PAYMENT_RESULT",
        paymentRequestId: created.paymentRequestId,
        reason: "BODY_INVALID",
        body: unreadable,
      },
      {
        notifyType: "DISPUTE_OPENED",
        paymentRequestId: null,
        reason: "NOTIFY_TYPE_UNKNOWN",
        body: dispute,
      },
    ]);
    expect(all.nextCursor).toBeNull();

    const first = await page("?applied=false&limit=1");
    expect(first.notifications.map((n) => n.body)).toStrictEqual([unreadable]);
    const second = await page(`?applied=false&limit=1&cursor=${first.nextCursor}`);
    expect([second.notifications.map((n) => n.body), second.nextCursor]).toStrictEqual([
      [dispute],
      null,
    ]);
    const mine = await page(`?paymentRequestId=${created.paymentRequestId}`);
    expect(mine.notifications.map((n) => n.body)).toStrictEqual([unreadable]);
  });

  it("refuses applied=true, a bad cursor, and a call without the API key", async () => {
    const codes = async (response: Response) =>
      [
        response.status,
        ((await response.json()) as { error: { code: string } }).error.code,
      ] as const;
    expect(await codes(await merchant("/api/notifications?applied=true"))).toStrictEqual([
      400,
      "INVALID_REQUEST",
    ]);
    expect(await codes(await merchant("/api/notifications?cursor=abc"))).toStrictEqual([
      400,
      "INVALID_CURSOR",
    ]);
    expect(await codes(await call("/api/notifications"))).toStrictEqual([401, "API_KEY_INVALID"]);
  });
});
