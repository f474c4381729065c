import { PAYMENT_STATUSES, type PaymentStatus } from "@ams-edge/core/api";
import { describe, expect, it } from "vitest";
import { payment } from "../testing/fixtures.ts";
import { isFinalState, toPaymentScreenState } from "./payment-state.ts";

// 75.5 s before the code expires.
const now = Date.parse("2026-03-01T09:00:44.500Z");
const stateOf = (status: PaymentStatus, resultCode: string | null = null) =>
  toPaymentScreenState({ ...payment, status, resultCode }, "live", now);

describe("toPaymentScreenState", () => {
  it("maps every status of the Worker to a screen state", () => {
    const base = { paymentRequestId: payment.paymentRequestId };
    expect(stateOf("creating")).toStrictEqual({
      status: "creating",
      ...base,
      payment: { ...payment, status: "creating" },
      connection: "live",
    });
    expect(stateOf("awaiting_payment")).toStrictEqual({
      status: "awaiting_scan",
      ...base,
      payment,
      code: payment.code,
      redirectUrl: null,
      expiresAt: "2026-03-01T09:02:00.000Z",
      secondsLeft: 76,
      connection: "live",
    });
    expect(stateOf("failed", "USER_BALANCE_NOT_ENOUGH")).toStrictEqual({
      status: "failed",
      ...base,
      payment: { ...payment, status: "failed", resultCode: "USER_BALANCE_NOT_ENOUGH" },
      resultCode: "USER_BALANCE_NOT_ENOUGH",
    });
    for (const status of ["cancelled", "reversed"] as const) {
      expect(stateOf(status)).toStrictEqual({
        status: "cancelled",
        ...base,
        payment: { ...payment, status },
        reversed: status === "reversed",
      });
    }
    for (const status of ["succeeded", "expired"] as const) {
      expect(stateOf(status)).toStrictEqual({ status, ...base, payment: { ...payment, status } });
    }
    const mismatch = stateOf("mismatch");
    expect(mismatch.status === "error" && [mismatch.error.code, mismatch.payment]).toStrictEqual([
      "PAYMENT_MISMATCH",
      { ...payment, status: "mismatch" },
    ]);
  });

  it("counts whole seconds down to 0, never below, and 0 for a date that does not parse", () => {
    const left = (expiresAt: string, at: number) => {
      const state = toPaymentScreenState({ ...payment, code: null, expiresAt }, "polling", at);
      return state.status === "awaiting_scan" ? state.secondsLeft : null;
    };
    expect(left("2026-03-01T09:00:10.000Z", now)).toBe(0);
    expect(left("2026-03-01T09:00:45.000Z", now)).toBe(1);
    expect(left("not a date", now)).toBe(0);
  });
});

describe("isFinalState", () => {
  it("is false only while the payment can still change on its own", () => {
    const statuses: readonly PaymentStatus[] = PAYMENT_STATUSES;
    const final = statuses.map((status) => [status, isFinalState(stateOf(status))]);
    expect(final).toStrictEqual([
      ["creating", false],
      ["awaiting_payment", false],
      ["succeeded", true],
      ["failed", true],
      ["cancelled", true],
      ["expired", true],
      ["reversed", true],
      ["mismatch", true],
    ]);
    expect(isFinalState({ status: "idle" })).toBe(false);
  });
});
