import { afterEach, describe, expect, it } from "vitest";
import type { LedgerSnapshot } from "../state/ledger-snapshot.ts";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stacks: Stack[] = [];
afterEach(async () => {
  await Promise.all(stacks.map((s) => s.close()));
  stacks = [];
});

describe("the ledger", () => {
  it("restores payments and refunds: replays, refund limits and ids carry over to a new sandbox", async () => {
    const changes: LedgerSnapshot[] = [];
    const first = await startStack({ onLedgerChange: (snapshot) => changes.push(snapshot) });
    stacks.push(first);
    const created = await first.client.createOrderCode(
      orderCode("ledger-paid", "900", first.receiver.url),
    );
    if (!created.ok) throw new Error(created.rawBody);
    const paymentId = created.data.paymentId ?? "";
    expect(changes.map((c) => c.payments.map((p) => p.status))).toStrictEqual([["PENDING"]]);
    first.server.sandbox.act("ledger-paid", "pay");
    const refund = await first.client.refund({
      refundRequestId: "ledger-refund-1",
      paymentId,
      refundAmount: { currency: "USD", value: "600" },
    });
    expect(refund.ok).toBe(true);
    await first.server.sandbox.idle();
    const ledger = first.server.sandbox.ledger();
    expect(changes.at(-1)).toStrictEqual(ledger);
    expect(ledger.payments.map((p) => [p.status, p.refunded])).toStrictEqual([["SUCCESS", "600"]]);
    expect(ledger.refunds.map((r) => r.refundRequestId)).toStrictEqual(["ledger-refund-1"]);
    // Reading, or a call that changes nothing, hands on nothing new.
    const seen = changes.length;
    await first.client.inquiryPayment({ paymentRequestId: "ledger-paid" });
    expect(changes.length).toBe(seen);

    const second = await startStack({ ledger: JSON.parse(JSON.stringify(ledger)) });
    stacks.push(second);
    expect(second.server.sandbox.payments()).toStrictEqual(first.server.sandbox.payments());
    expect(second.server.sandbox.refunds("ledger-paid")).toStrictEqual(
      first.server.sandbox.refunds("ledger-paid"),
    );
    // The same pay again answers the first answer, byte for byte.
    const replay = await second.client.createOrderCode(
      orderCode("ledger-paid", "900", second.receiver.url),
    );
    expect(replay.rawBody).toBe(created.rawBody);
    // 600 of 900 went back before the restart: 400 more is too much, 300 is not.
    const tooMuch = await second.client.refund({
      refundRequestId: "ledger-refund-2",
      paymentId,
      refundAmount: { currency: "USD", value: "400" },
    });
    expect(tooMuch.ok ? "S" : tooMuch.resultCode).toBe("REFUND_AMOUNT_EXCEED");
    const rest = await second.client.refund({
      refundRequestId: "ledger-refund-2",
      paymentId,
      refundAmount: { currency: "USD", value: "300" },
    });
    expect(rest.ok).toBe(true);
    const next = await second.client.createOrderCode(
      orderCode("ledger-next", "900", second.receiver.url),
    );
    const ids = second.server.sandbox.payments().map((p) => p.paymentId);
    expect(next.ok && new Set(ids).size).toBe(2);
  });
});
