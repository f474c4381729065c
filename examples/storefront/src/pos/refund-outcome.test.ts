import { WorkerApiError } from "@ams-edge/react-hooks";
import { RefundInProgressError, type RefundIntent } from "@ams-edge/react-hooks/merchant";
import { describe, expect, it } from "vitest";
import { pendingRefundWords, refundFailure } from "./refund-outcome.ts";

const intent: RefundIntent = {
  idempotencyKey: "idem_test_1",
  paymentRequestId: "prq_test_0001",
  amount: { currency: "USD", value: "400" },
  reason: "Refunded at the till",
  status: "unanswered",
  refundRequestId: null,
  createdAt: 0,
};

describe("refundFailure", () => {
  it("tells an open refund, a refusal and a missing answer apart", () => {
    const refused = new WorkerApiError("HTTP_STATUS", "HTTP 422 REFUND_AMOUNT_EXCEEDED: too much", {
      status: 422,
      serverCode: "REFUND_AMOUNT_EXCEEDED",
    });
    expect(
      [
        new RefundInProgressError(intent),
        refused,
        new WorkerApiError("TIMEOUT", "no answer"),
        new WorkerApiError("HTTP_STATUS", "HTTP 502", { status: 502 }),
        new WorkerApiError("NETWORK", "offline"),
      ].map(refundFailure),
    ).toStrictEqual([
      { kind: "in-progress", pending: intent },
      { kind: "refused", message: "HTTP 422 REFUND_AMOUNT_EXCEEDED: too much" },
      { kind: "unconfirmed" },
      { kind: "unconfirmed" },
      { kind: "unconfirmed" },
    ]);
  });
});

describe("pendingRefundWords", () => {
  it("says whether the refund is unanswered or processing", () => {
    expect(pendingRefundWords(intent)).toBe("Refund of $4.00 not confirmed yet.");
    expect(pendingRefundWords({ ...intent, status: "processing" })).toBe(
      "Refund of $4.00 still processing.",
    );
  });
});
