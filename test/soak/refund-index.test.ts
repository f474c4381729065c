import { describe, expect, it } from "vitest";
import { compareRefundIndex, indexAgrees } from "./refund-index.ts";
import { ID1, ID2, view } from "./test-refund-evidence.ts";

const row = (
  refundRequestId: string,
  value: string,
  more: { paymentRequestId?: string; status?: "succeeded" | "processing" } = {},
) => ({
  refundRequestId,
  paymentRequestId: more.paymentRequestId ?? "ik1",
  status: more.status ?? ("succeeded" as const),
  amount: { currency: "USD", value },
});

describe("compareRefundIndex", () => {
  const payments = [
    { paymentRequestId: "ik1", refunds: [view(ID1, "600"), view(ID2, "400")] },
    { paymentRequestId: "ik2", refunds: [] },
  ];

  it("agrees when every refund is listed once with its payment, status and amount", () => {
    const c = compareRefundIndex([row(ID2, "400"), row(ID1, "600")], payments);
    expect(c).toStrictEqual({ rows: 2, refunds: 2, missing: 0, extra: 0, differ: 0 });
    expect(indexAgrees(c)).toBe(true);
  });

  it("counts missing, extra, repeated and differing rows", () => {
    const c = compareRefundIndex(
      [
        row(ID1, "600", { status: "processing" }),
        row(ID1, "600"),
        row("ik9_0000000000000000", "5"),
      ],
      payments,
    );
    expect(c).toStrictEqual({ rows: 3, refunds: 2, missing: 1, extra: 2, differ: 1 });
    expect(indexAgrees(c)).toBe(false);
    expect(
      compareRefundIndex([row(ID1, "600", { paymentRequestId: "ik2" }), row(ID2, "401")], payments),
    ).toStrictEqual({
      rows: 2,
      refunds: 2,
      missing: 0,
      extra: 0,
      differ: 2,
    });
  });
});
