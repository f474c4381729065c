import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { RefundPageSchema, RefundViewSchema } from "./refund-view.ts";

const listed = {
  refundRequestId: "ik0123_9f86d081884c7d65",
  status: "processing",
  amount: { currency: "USD", value: "400" },
  reason: null,
  resultCode: "PAYMENT_IN_PROCESS",
  paymentRequestId: "ik0123",
  storeId: "cafe-1",
  createdAt: "2026-12-05T20:00:00.000Z",
  updatedAt: "2026-12-05T20:00:15.000Z",
  version: 2,
};

describe("RefundViewSchema and RefundPageSchema", () => {
  it("reads a refund from an older Worker (three fields) and a page of the refund list", () => {
    const older = {
      refundRequestId: "oc1_r1",
      status: "succeeded",
      amount: { currency: "USD", value: "1" },
    };
    expect(v.parse(RefundViewSchema, older)).toStrictEqual(older);
    const page = { refunds: [listed], nextCursor: null };
    expect(v.parse(RefundPageSchema, page)).toStrictEqual(page);
  });

  it("refuses a listed refund without its payment, store or times", () => {
    const { storeId: _, ...withoutStore } = listed;
    const result = v.safeParse(RefundPageSchema, {
      refunds: [{ ...withoutStore, createdAt: "yesterday" }],
      nextCursor: null,
    });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toStrictEqual([
      "refunds.0.createdAt",
      "refunds.0.storeId",
    ]);
  });
});
