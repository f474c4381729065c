import { describe, expect, it } from "vitest";
import { createFaultInjector } from "./fault-injector.ts";
import { GATEWAY_APIS } from "./fault-rule.ts";
import { parseFaultRule } from "./parse-fault-rule.ts";

describe("createFaultInjector", () => {
  it("strikes at most count times, then stays listed as spent", () => {
    const faults = createFaultInjector(1, [{ kind: "drop-notification", count: 2 }]);
    const strikes = [1, 2, 3].map(() => faults.strike("drop-notification", {}) !== undefined);
    expect(strikes).toStrictEqual([true, true, false]);
    expect(faults.list()).toStrictEqual([
      { kind: "drop-notification", count: 2, id: "fault-1", remaining: 0, struck: 2 },
    ]);
  });

  it("matches on kind, operation and payment", () => {
    const faults = createFaultInjector(1, [
      { kind: "http-error", apis: ["refund"] },
      { kind: "unknown-result" },
      { kind: "hang", paymentRequestId: "slow" },
    ]);
    expect(faults.strike("http-error", { api: "pay" })).toBeUndefined();
    expect(faults.strike("http-error", { api: "refund" })?.id).toBe("fault-1");
    expect(faults.strike("unknown-result", { api: "cancel" })).toBeUndefined();
    expect(faults.strike("unknown-result", { api: "inquiryPayment" })?.id).toBe("fault-2");
    expect(faults.strike("hang", { api: "pay", paymentRequestId: "fast" })).toBeUndefined();
    expect(faults.strike("hang", { api: "pay", paymentRequestId: "slow" })?.id).toBe("fault-3");
  });

  it("strikes a traffic limit on every operation unless apis says otherwise", () => {
    const faults = createFaultInjector(1, [{ kind: "traffic-limit" }]);
    const struck = GATEWAY_APIS.map((api) => faults.strike("traffic-limit", { api })?.id);
    expect(struck).toStrictEqual(GATEWAY_APIS.map(() => "fault-1"));
  });

  it("draws probabilities from the seed, so a reseed replays the same strikes", () => {
    const faults = createFaultInjector("s", [{ kind: "corrupt-signature", probability: 0.3 }]);
    const run = () =>
      Array.from({ length: 40 }, () => faults.strike("corrupt-signature", {}) !== undefined);
    const first = run();
    faults.reseed("s");
    expect(run()).toStrictEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(3);
    expect(hits).toBeLessThan(25);
  });

  it("removes one rule or all", () => {
    const faults = createFaultInjector(1);
    const [added] = faults.add([{ kind: "hang" }, { kind: "http-error" }]);
    expect(faults.remove(added?.id ?? "")).toBe(true);
    expect(faults.remove("fault-99")).toBe(false);
    expect(faults.list().map((f) => f.kind)).toStrictEqual(["http-error"]);
    faults.clear();
    expect(faults.list()).toStrictEqual([]);
  });
});

describe("parseFaultRule", () => {
  it("accepts every documented field", () => {
    const rule = {
      kind: "http-error",
      probability: 0.5,
      count: 3,
      apis: ["pay", "refund"],
      paymentRequestId: "p",
      paymentId: "2026",
      status: 502,
      delayMs: 10,
    };
    expect(parseFaultRule(rule)).toStrictEqual(rule);
  });

  it("accepts the body stall and the traffic limit, with the fields they use", () => {
    const stall = { kind: "stall-body", apis: ["pay"], delayMs: 30_000, count: 1 };
    const limit = { kind: "traffic-limit", apis: ["cancel", "refund"], probability: 0.2 };
    expect(parseFaultRule(stall)).toStrictEqual(stall);
    expect(parseFaultRule(limit)).toStrictEqual(limit);
  });

  it("names the field that is wrong", () => {
    expect(() => parseFaultRule(null, 2)).toThrow(
      'fault[2]: expected an object such as { "kind": "drop-notification", "count": 1 }',
    );
    expect(() => parseFaultRule({ kind: "hang", probabilty: 1 })).toThrow(
      'fault: unknown field "probabilty"',
    );
    expect(() => parseFaultRule({ kind: "hang", probability: 2 })).toThrow(
      'fault: "probability" must be a number from 0 to 1; got 2',
    );
    expect(() => parseFaultRule({ kind: "hang", count: 1.5 })).toThrow(
      'fault: "count" must be a whole number ≥ 0; got 1.5',
    );
    expect(() => parseFaultRule({ kind: "http-error", status: 503 })).toThrow(
      'fault: "status" must be 500 or 502; got 503',
    );
    expect(() => parseFaultRule({ kind: "hang", apis: ["capture"] })).toThrow(
      'fault: "apis" must be a non-empty list of pay, inquiryPayment, cancel, refund, inquiryRefund',
    );
    expect(() => parseFaultRule({ kind: "drop-notification", apis: ["pay"] })).toThrow(
      'fault: "apis" applies to gateway faults only, not to "drop-notification"',
    );
    expect(() => parseFaultRule({ kind: "reorder-notifications", window: 1 })).toThrow(
      'fault: "window" must be a whole number ≥ 2; got 1',
    );
  });
});
