import { describe, expect, it } from "vitest";
import { WorkerApiError } from "../client/worker-api-error.ts";
import { memoryStorage } from "../testing/memory-storage.ts";
import {
  isRefundRefusal,
  type RefundIntent,
  readRefundIntents,
  writeRefundIntents,
} from "./refund-intents.ts";

const intent: RefundIntent = {
  idempotencyKey: "idem_test_1",
  paymentRequestId: "prq_test_0001",
  amount: { currency: "USD", value: "400" },
  reason: null,
  status: "unanswered",
  refundRequestId: null,
  createdAt: 0,
};

describe("refund intents in storage", () => {
  it("reads what it wrote, skips what is not an intent, and removes the entry when empty", () => {
    const storage = memoryStorage();
    expect(writeRefundIntents(storage, "k", [intent])).toBe(true);
    expect(readRefundIntents(storage, "k")).toStrictEqual([intent]);
    storage.setItem("k", JSON.stringify([intent, null, { idempotencyKey: 1 }, "x"]));
    expect(readRefundIntents(storage, "k")).toStrictEqual([intent]);
    for (const junk of ["{", '{"a":1}', "null"]) {
      storage.setItem("k", junk);
      expect(readRefundIntents(storage, "k")).toStrictEqual([]);
    }
    writeRefundIntents(storage, "k", []);
    expect(storage.data.has("k")).toBe(false);
    expect(readRefundIntents(null, "k")).toStrictEqual([]);
  });

  it("reports a storage that refuses to write", () => {
    const full = {
      ...memoryStorage(),
      setItem() {
        throw new DOMException("full", "QuotaExceededError");
      },
    };
    expect(writeRefundIntents(full, "k", [intent])).toBe(false);
  });
});

describe("isRefundRefusal", () => {
  const http = (status: number) =>
    new WorkerApiError("HTTP_STATUS", `HTTP ${status}`, { status, serverCode: "X" });
  it("is true for a 4xx other than 408 and 429, false when money may have moved", () => {
    expect(
      [400, 401, 404, 409, 422, 408, 429, 500, 502].map((s) => isRefundRefusal(http(s))),
    ).toStrictEqual([true, true, true, true, true, false, false, false, false]);
    expect(
      [
        new WorkerApiError("TIMEOUT", "t"),
        new WorkerApiError("NETWORK", "n"),
        new WorkerApiError("RESPONSE_MALFORMED", "m", { status: 201 }),
        new TypeError("x"),
      ].map(isRefundRefusal),
    ).toStrictEqual([false, false, false, false]);
  });
});
