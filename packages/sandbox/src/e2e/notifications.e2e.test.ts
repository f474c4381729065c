import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../clock/manual-clock.ts";
import type { NotificationRecord } from "../notify/notification-record.ts";
import { orderCode, type Stack, startStack } from "./harness.ts";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function paid(s: Stack, paymentRequestId: string): Promise<string> {
  const created = await s.client.createOrderCode(
    orderCode(paymentRequestId, "2000", s.receiver.url),
  );
  if (!created.ok) throw new Error(created.rawBody);
  const paymentId = created.data.paymentId ?? "";
  s.server.sandbox.act(paymentId, "pay");
  await s.server.sandbox.idle();
  return paymentId;
}

async function advance(s: Stack, clock: ManualClock, ms: number): Promise<void> {
  await clock.advance(ms);
  await s.server.sandbox.idle();
}

function offsets(record: NotificationRecord | undefined): number[] {
  const attempts = record?.attempts ?? [];
  const first = Date.parse(attempts[0]?.scheduledAt ?? "");
  return attempts.map((attempt) => Date.parse(attempt.scheduledAt) - first);
}

describe("notification resends under a scaled clock", () => {
  it("follow 0 s, 2 min, 10 min, 10 min (scaled by 0.001) and stop once acknowledged", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, timeScale: 0.001 });
    const s = stack;
    s.receiver.answer = (count) => (count === 2 ? "http-500" : count < 4 ? "nack" : "ack");
    const paymentId = await paid(s, "resend-1");
    expect(s.receiver.received).toHaveLength(1);
    await advance(s, clock, 119);
    expect(s.receiver.received).toHaveLength(1);
    await advance(s, clock, 1);
    expect(s.receiver.received).toHaveLength(2);
    await advance(s, clock, 600);
    await advance(s, clock, 600);
    expect(s.receiver.received).toHaveLength(4);
    await advance(s, clock, 100_000_000);
    expect(s.receiver.received).toHaveLength(4);

    const [record] = s.server.sandbox.notifications(paymentId);
    expect(offsets(record)).toStrictEqual([0, 120, 720, 1320]);
    expect(record?.attempts.map((a) => [a.slot, a.outcome, a.httpStatus])).toStrictEqual([
      [1, "not-acknowledged", 200],
      [2, "not-acknowledged", 500],
      [3, "not-acknowledged", 200],
      [4, "acknowledged", 200],
    ]);
    expect(record?.acknowledged).toBe(true);
    expect(record?.nextAttemptAt).toBeNull();
    const bodies = new Set(s.receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(s.receiver.received.every((r) => !("error" in r.verified))).toBe(true);

    const api = await fetch(`${s.server.url}/sandbox/payments/${paymentId}/notifications`);
    expect(await api.json()).toStrictEqual({
      notifications: s.server.sandbox.notifications(paymentId),
    });
    const all = await fetch(`${s.server.url}/sandbox/notifications`);
    expect(await all.json()).toStrictEqual({ notifications: s.server.sandbox.notifications() });
  });

  it("gives up after the 8 attempts of the provider's schedule", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, timeScale: 0.001 });
    const s = stack;
    s.receiver.answer = "nack";
    const paymentId = await paid(s, "resend-never-acked");
    for (const wait of [120, 600, 600, 3600, 7200, 21600, 54000, 1_000_000])
      await advance(s, clock, wait);
    const [record] = s.server.sandbox.notifications(paymentId);
    expect(offsets(record)).toStrictEqual([0, 120, 720, 1320, 4920, 12120, 33720, 87720]);
    expect(record?.acknowledged).toBe(false);
    expect(record?.nextAttemptAt).toBeNull();
    expect(s.receiver.received).toHaveLength(8);
  });

  it("stop when the sandbox closes", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, timeScale: 0.001 });
    const s = stack;
    s.receiver.answer = "nack";
    const paymentId = await paid(s, "resend-closed");
    expect(s.server.sandbox.notifications(paymentId)[0]?.nextAttemptAt).not.toBeNull();
    await s.server.sandbox.close();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(1_000_000);
    expect(s.receiver.received).toHaveLength(1);
    expect(s.server.sandbox.notifications(paymentId)[0]?.nextAttemptAt).toBeNull();
  });
});

describe("notification faults", () => {
  it("drop-notification drops the first N attempts; the next slot delivers", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({
      clock,
      timeScale: 0.001,
      faults: [{ kind: "drop-notification", count: 2 }],
    });
    const s = stack;
    const paymentId = await paid(s, "drop-1");
    expect(s.receiver.received).toHaveLength(0);
    await advance(s, clock, 120);
    expect(s.receiver.received).toHaveLength(0);
    await advance(s, clock, 600);
    expect(s.receiver.received).toHaveLength(1);
    const [record] = s.server.sandbox.notifications(paymentId);
    expect(record?.attempts.map((a) => [a.outcome, a.faults])).toStrictEqual([
      ["dropped", ["drop-notification"]],
      ["dropped", ["drop-notification"]],
      ["acknowledged", []],
    ]);
  });

  it("duplicate-notification sends the same notification twice", async () => {
    stack = await startStack({ faults: [{ kind: "duplicate-notification", count: 1 }] });
    const paymentId = await paid(stack, "dup-1");
    expect(stack.receiver.received).toHaveLength(2);
    expect(stack.receiver.received[1]?.body).toBe(stack.receiver.received[0]?.body);
    expect(
      stack.server.sandbox.notifications(paymentId)[0]?.attempts.map((a) => a.faults),
    ).toStrictEqual([[], ["duplicate-notification"]]);
  });

  it("delay-notification holds the attempt for delayMs on the sandbox clock", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({ clock, faults: [{ kind: "delay-notification", delayMs: 5000 }] });
    const s = stack;
    await paid(s, "delay-1");
    await advance(s, clock, 4999);
    expect(s.receiver.received).toHaveLength(0);
    await advance(s, clock, 1);
    expect(s.receiver.received).toHaveLength(1);
  });

  it("reorder-notifications delivers a window of notifications newest first", async () => {
    stack = await startStack({ faults: [{ kind: "reorder-notifications", window: 2 }] });
    await paid(stack, "first-paid");
    expect(stack.receiver.received).toHaveLength(0);
    await paid(stack, "second-paid");
    const order = stack.receiver.received.map(
      (r) => (JSON.parse(r.body) as { paymentRequestId: string }).paymentRequestId,
    );
    expect(order).toStrictEqual(["second-paid", "first-paid"]);
  });

  it("corrupt-notification-signature fails the receiver's check; the resend verifies", async () => {
    const clock = createManualClock(Date.now());
    stack = await startStack({
      clock,
      timeScale: 0.001,
      faults: [{ kind: "corrupt-notification-signature", count: 1 }],
    });
    const s = stack;
    const paymentId = await paid(s, "corrupt-1");
    expect(s.receiver.received[0]?.verified).toStrictEqual({ error: "SIGNATURE_INVALID" });
    await advance(s, clock, 120);
    expect(s.receiver.received[1]?.verified).toMatchObject({ notification: { paymentId } });
    expect(
      s.server.sandbox.notifications(paymentId)[0]?.attempts.map((a) => [a.outcome, a.httpStatus]),
    ).toStrictEqual([
      ["not-acknowledged", 401],
      ["acknowledged", 200],
    ]);
  });

  it("a fault set for one payment leaves the others alone", async () => {
    stack = await startStack({
      faults: [{ kind: "drop-notification", paymentRequestId: "unlucky" }],
    });
    await paid(stack, "lucky");
    await paid(stack, "unlucky");
    expect(
      stack.receiver.received.map(
        (r) => (JSON.parse(r.body) as { paymentRequestId: string }).paymentRequestId,
      ),
    ).toStrictEqual(["lucky"]);
  });
});
