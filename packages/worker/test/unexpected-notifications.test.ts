import { NOTIFICATION_ACK_BODY } from "@ams-edge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandboxGateway } from "./helpers/sandbox-gateway.ts";
import { signedNotification } from "./helpers/signed-notification.ts";
import {
  type CreatedPayment,
  createOrderCode,
  eventsOf,
  readPayment,
} from "./helpers/worker-http.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const RESULT = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };

/** A success for `p` as the provider sends it, with `changes` applied (undefined: left out). */
function success(p: CreatedPayment, changes: Record<string, unknown> = {}): string {
  const body: Record<string, unknown> = {
    notifyType: "PAYMENT_RESULT",
    result: RESULT,
    paymentRequestId: p.paymentRequestId,
    paymentId: p.paymentId,
    paymentAmount: { currency: "USD", value: "1250" },
    paymentCreateTime: "2026-11-20T09:59:00+00:00",
    paymentTime: "2026-11-20T10:00:00+00:00",
    ...changes,
  };
  for (const key of Object.keys(changes)) if (changes[key] === undefined) delete body[key];
  return JSON.stringify(body);
}

/**
 * Bodies the provider might sign that this Worker does not expect: each names an open payment
 * and must be acknowledged and kept in its event log, and none may make it succeed.
 */
const SHAPES: [string, (p: CreatedPayment) => string][] = [
  [
    "currency in lower case",
    (p) => success(p, { paymentAmount: { currency: "usd", value: "1250" } }),
  ],
  [
    "amount as a JSON number",
    (p) => success(p, { paymentAmount: { currency: "USD", value: 1250 } }),
  ],
  [
    "amount with decimals",
    (p) => success(p, { paymentAmount: { currency: "USD", value: "12.50" } }),
  ],
  ["amount in major units", (p) => success(p, { paymentAmount: { currency: "USD", value: "12" } })],
  ["amount without currency", (p) => success(p, { paymentAmount: { value: "1250" } })],
  ["amount null", (p) => success(p, { paymentAmount: null })],
  ["no amount", (p) => success(p, { paymentAmount: undefined })],
  ["result missing", (p) => success(p, { result: undefined })],
  ["result null", (p) => success(p, { result: null })],
  ["result as a string", (p) => success(p, { result: "SUCCESS" })],
  ["resultStatus in lower case", (p) => success(p, { result: { ...RESULT, resultStatus: "s" } })],
  ["resultStatus unknown", (p) => success(p, { result: { ...RESULT, resultStatus: "P" } })],
  [
    "resultStatus U",
    (p) => success(p, { result: { resultCode: "PROCESSING", resultStatus: "U" } }),
  ],
  ["resultCode missing", (p) => success(p, { result: { resultStatus: "S" } })],
  ["resultCode empty", (p) => success(p, { result: { resultCode: "", resultStatus: "S" } })],
  ["notifyType missing", (p) => success(p, { notifyType: undefined })],
  ["notifyType in lower case", (p) => success(p, { notifyType: "payment_result" })],
  ["notifyType of another kind", (p) => success(p, { notifyType: "CAPTURE_RESULT" })],
  ["notifyType null", (p) => success(p, { notifyType: null })],
  ["paymentId null", (p) => success(p, { paymentId: null })],
  ["paymentTime as epoch ms", (p) => success(p, { paymentTime: 1_763_632_800_000 })],
  ["pspCustomerInfo as a string", (p) => success(p, { pspCustomerInfo: "alice" })],
  [
    "the amount of another payment",
    (p) => success(p, { paymentAmount: { currency: "USD", value: "1" } }),
  ],
  ["another currency", (p) => success(p, { paymentAmount: { currency: "EUR", value: "1250" } })],
  ["an array at the top", (p) => JSON.stringify([JSON.parse(success(p))])],
];

describe("signed notifications with bodies the Worker does not expect", () => {
  it("lists at least 20 shapes", () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SHAPES)("%s: acknowledged, stored, and never a success", async (_, shape) => {
    useSandboxGateway();
    const created = await createOrderCode();
    const body = shape(created);
    const answer = await exportsFetch(await signedNotification(body));
    expect(answer).toStrictEqual({ status: 200, body: NOTIFICATION_ACK_BODY });
    const view = await readPayment(created.paymentRequestId, created.statusToken);
    expect(view.status).not.toBe("succeeded");
    const log = await eventsOf(created.paymentRequestId);
    const kept = log.filter((e) => e.kind === "notification").map((e) => e.data.rawBody);
    // The array has no payment id of its own: it is in the review log instead.
    if (body.startsWith("[")) {
      expect(kept).toStrictEqual([]);
      return;
    }
    expect(kept).toStrictEqual([body]);
    // Either the machine took it (another amount: a mismatch) or it says why it did not.
    const unapplied = log.filter((e) => e.kind === "notification_unapplied");
    expect(unapplied.length === 1 || view.status === "mismatch").toBe(true);
  });

  it("a success with fields never seen before still succeeds its payment", async () => {
    useSandboxGateway();
    const created = await createOrderCode();
    const body = success(created, {
      brandNew: { nested: [1, { deeper: null }] },
      result: { ...RESULT, resultDetail: "new" },
      paymentAmount: { currency: "USD", value: "1250", precision: 2 },
      settlementQuote: { quotePrice: "7.1" },
    });
    expect((await exportsFetch(await signedNotification(body))).status).toBe(200);
    expect((await readPayment(created.paymentRequestId, created.statusToken)).status).toBe(
      "succeeded",
    );
  });
});

async function exportsFetch(request: Request): Promise<{ status: number; body: string }> {
  const { exports } = await import("cloudflare:workers");
  const response = await exports.default.fetch(request);
  return { status: response.status, body: await response.text() };
}
