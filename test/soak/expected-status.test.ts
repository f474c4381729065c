import { describe, expect, it } from "vitest";
import { expectedStatus, type LedgerEntry } from "./expected-status.ts";

const open: LedgerEntry = {
  status: "PENDING",
  reversed: false,
  resultCode: null,
  expiresAt: "2026-01-01T00:10:00.000Z",
  cancelledAt: null,
  magic: null,
};

describe("expectedStatus", () => {
  it("asks for nothing while the gateway has the payment open", () => {
    expect([
      expectedStatus(open, false),
      expectedStatus({ ...open, status: "PROCESSING" }, false),
    ]).toStrictEqual([null, null]);
  });

  it("paid: succeeded, or mismatch when the gateway reports one minor unit less (761)", () => {
    const paid = { ...open, status: "SUCCESS" as const, resultCode: "SUCCESS" };
    const short = { ...paid, magic: { suffix: "761", description: "short" } };
    expect([expectedStatus(paid, false), expectedStatus(short, false)]).toStrictEqual([
      "succeeded",
      "mismatch",
    ]);
  });

  it("FAIL: expired when closed at expiry, failed when declined", () => {
    const closed = { ...open, status: "FAIL" as const, resultCode: "ORDER_IS_CLOSED" };
    const declined = { ...open, status: "FAIL" as const, resultCode: "RISK_REJECT" };
    expect([expectedStatus(closed, false), expectedStatus(declined, false)]).toStrictEqual([
      "expired",
      "failed",
    ]);
  });

  it("CANCELLED: reversed, the merchant's cancel, at expiry, or before expiry without a merchant", () => {
    const cancelled = { ...open, status: "CANCELLED" as const, resultCode: "ORDER_IS_CLOSED" };
    const atExpiry = { ...cancelled, cancelledAt: "2026-01-01T00:10:00.000Z" };
    const early = { ...cancelled, cancelledAt: "2026-01-01T00:00:05.000Z" };
    expect([
      expectedStatus({ ...atExpiry, reversed: true }, true),
      expectedStatus(early, true),
      expectedStatus(atExpiry, false),
      expectedStatus(early, false),
    ]).toStrictEqual(["reversed", "cancelled", "expired", "failed"]);
  });
});
