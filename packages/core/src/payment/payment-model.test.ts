import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  applyAll,
  cancelResult,
  cancelSent,
  EXPIRES_AT,
  failedNotification,
  inquiry,
  inquiryNotFound,
  inquiryUnknown,
  newPayment,
  ORDER_AMOUNT,
  PAYMENT_ID,
  paidNotification,
  payResult,
  REQUEST_ID,
  T0,
  WRONG_AMOUNT,
  WRONG_CURRENCY,
} from "./fixtures/payment-events.ts";
import { nextAction } from "./next-action.ts";
import type { PaymentEvent } from "./payment-event.ts";
import {
  FINAL_REFINEMENTS,
  isFinalStatus,
  type PaymentAmount,
  type PaymentState,
  type PaymentStatus,
} from "./payment-state.ts";
import { transition } from "./transition.ts";

const OTHER_REQUEST = "test-order-other";
const OTHER_PAYMENT = "test-payment-other";

const atArb = fc.integer({ min: T0 - 1000, max: EXPIRES_AT + 5 * 60_000 });
const amountArb = fc.constantFrom<PaymentAmount>(ORDER_AMOUNT, WRONG_AMOUNT, WRONG_CURRENCY, {
  currency: "USD",
  value: "0599",
});
const requestIdArb = fc.constantFrom(REQUEST_ID, REQUEST_ID, REQUEST_ID, OTHER_REQUEST);
const paymentIdArb = fc.constantFrom<string | null | undefined>(
  PAYMENT_ID,
  PAYMENT_ID,
  OTHER_PAYMENT,
  null,
  undefined,
);
const cancelReasonArb = fc.constantFrom(
  "expired" as const,
  "merchant" as const,
  "unknown_pay_result" as const,
  "failed" as const,
);

function withIds<E extends PaymentEvent>(
  event: E,
  requestId: string,
  paymentId: string | null | undefined,
): E {
  const ids =
    paymentId === undefined
      ? { paymentRequestId: requestId }
      : { paymentRequestId: requestId, paymentId };
  return { ...event, ...ids };
}

/** Any event, including contradictory, foreign and malformed-amount ones. */
const eventArb: fc.Arbitrary<PaymentEvent> = fc.oneof(
  fc
    .tuple(
      atArb,
      fc.constantFrom("S" as const, "F" as const, "U" as const),
      requestIdArb,
      paymentIdArb,
    )
    .map(([at, status, requestId, paymentId]) =>
      withIds(payResult(at, status), requestId, paymentId),
    ),
  atArb.map((at): PaymentEvent => ({ type: "pay_error", at, errorCode: "TIMEOUT" })),
  fc
    .tuple(atArb, amountArb, requestIdArb, paymentIdArb)
    .map(([at, amount, requestId, paymentId]) =>
      withIds(paidNotification(at, amount), requestId, paymentId),
    ),
  fc
    .tuple(atArb, requestIdArb, paymentIdArb)
    .map(([at, requestId, paymentId]) => withIds(failedNotification(at), requestId, paymentId)),
  fc
    .tuple(
      atArb,
      fc.constantFrom(
        "SUCCESS" as const,
        "FAIL" as const,
        "PROCESSING" as const,
        "CANCELLED" as const,
        "PENDING" as const,
      ),
      amountArb,
      requestIdArb,
    )
    .map(([at, status, amount, requestId]) =>
      withIds(inquiry(at, status, amount), requestId, PAYMENT_ID),
    ),
  atArb.map((at): PaymentEvent => ({ ...inquiry(at, "SUCCESS"), paymentAmount: null })),
  atArb.map(inquiryNotFound),
  atArb.map(inquiryUnknown),
  atArb.map(
    (at): PaymentEvent => ({ ...inquiry(at, "FAIL"), paymentResultCode: "ORDER_IS_CLOSED" }),
  ),
  atArb.map((at): PaymentEvent => ({ type: "cancel_requested", at })),
  fc.tuple(atArb, cancelReasonArb).map(([at, reason]) => cancelSent(at, reason)),
  fc
    .tuple(
      atArb,
      fc.constantFrom(
        ["S", "SUCCESS"] as const,
        ["F", "CANCEL_WINDOW_EXCEED"] as const,
        ["F", "ORDER_IS_CLOSED"] as const,
        ["F", "ORDER_NOT_EXIST"] as const,
        ["U", "UNKNOWN_EXCEPTION"] as const,
      ),
    )
    .map(([at, [status, code]]) => cancelResult(at, status, code)),
);

/** Events sometimes repeated right away, as an at-least-once channel delivers them. */
const historyArb = fc
  .array(fc.tuple(eventArb, fc.boolean()), { maxLength: 40 })
  .map((pairs) => pairs.flatMap(([event, repeat]) => (repeat ? [event, event] : [event])));

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function concernsOrder(event: PaymentEvent, state: PaymentState): boolean {
  if (
    "paymentRequestId" in event &&
    event.paymentRequestId !== undefined &&
    event.paymentRequestId !== REQUEST_ID
  ) {
    return false;
  }
  const paymentId = "paymentId" in event ? event.paymentId : undefined;
  return !(
    typeof paymentId === "string" &&
    state.paymentId !== null &&
    paymentId !== state.paymentId
  );
}

/** The oracle's own amount check (independent of the code under test): USD 5.99 exactly. */
function isOrderAmount(amount: PaymentAmount | null | undefined): boolean {
  return amount?.currency === "USD" && /^\d+$/.test(amount.value) && BigInt(amount.value) === 599n;
}

function provesPayment(event: PaymentEvent): boolean {
  if (event.type === "notification") {
    return event.resultStatus === "S" && isOrderAmount(event.paymentAmount);
  }
  if (event.type === "inquiry_result") {
    return (
      event.resultStatus === "S" &&
      event.paymentStatus === "SUCCESS" &&
      isOrderAmount(event.paymentAmount)
    );
  }
  return false;
}

function allowedMove(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to || !isFinalStatus(from)) return true;
  return FINAL_REFINEMENTS[from]?.includes(to) ?? false;
}

describe("transition over arbitrary event histories", () => {
  test("holds every invariant after every event", () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: T0, max: EXPIRES_AT + 60 * 60_000 }),
        (events, now) => {
          let state = deepFreeze(newPayment());
          let changes = 0;
          const proofs: PaymentEvent[] = [];
          for (const event of events) {
            const concerns = concernsOrder(event, state);
            if (concerns && provesPayment(event)) proofs.push(event);
            const next = deepFreeze(transition(state, event));

            // Foreign events change nothing.
            if (!concerns) expect(next).toBe(state);
            // A change is exactly one version; no change returns the same object.
            if (next !== state) {
              changes += 1;
              expect(next.version).toBe(state.version + 1);
              expect(next.updatedAt).toBe(Math.max(state.updatedAt, event.at));
            }
            expect(next.version).toBe(1 + changes);
            // Delivering the same event again changes nothing.
            expect(transition(next, event)).toBe(next);
            // Final states only move to a final state that tells more.
            expect(allowedMove(state.status, next.status)).toBe(true);
            // Nothing is paid without a verified success for the order's exact amount.
            if (next.status === "succeeded") {
              expect(proofs.length).toBeGreaterThan(0);
              expect(isOrderAmount(next.paid?.amount)).toBe(true);
            }
            // A success is not shown while a cancel that may undo it is still in flight.
            if (next.status === "succeeded" && state.status !== "succeeded") {
              expect(next.cancel.inFlight).toBe(false);
            }
            if (next.status === "reversed") expect(next.paidThenCancelled).not.toBeNull();
            if (next.status === "mismatch") expect(next.mismatch).not.toBeNull();
            // Plain JSON data.
            expect(JSON.parse(JSON.stringify(next))).toStrictEqual(next);

            const action = nextAction(next, now);
            if (next.status === "creating" || next.status === "awaiting_payment") {
              expect(action.type).not.toBe("none");
            }
            if (["cancelled", "expired", "reversed", "mismatch"].includes(next.status)) {
              expect(action).toStrictEqual({ type: "none" });
            }
            if (action.type !== "none") expect(Number.isFinite(action.at)).toBe(true);
            state = next;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

/**
 * A consistent world: what the driver saw, in its order (`driver`), and what the provider
 * notified (`notifications`, delivered any number of times at any moment). Whatever the
 * interleaving and however often stored events are replayed, the payment ends the same way.
 */
interface World {
  name: string;
  driver: PaymentEvent[];
  notifications: Array<(at: number) => PaymentEvent>;
  expected: PaymentStatus;
}

function spaced(events: Array<(at: number) => PaymentEvent>): PaymentEvent[] {
  return events.map((make, index) => make(T0 + 1000 * (index + 1)));
}

const cancelRequested = (at: number): PaymentEvent => ({ type: "cancel_requested", at });
const foreignSuccess = (at: number): PaymentEvent => ({
  ...paidNotification(at),
  paymentRequestId: OTHER_REQUEST,
  paymentId: OTHER_PAYMENT,
});

const worlds: World[] = [
  {
    name: "paid and notified",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "PENDING"),
      (at) => inquiry(at, "SUCCESS"),
    ]),
    notifications: [paidNotification, foreignSuccess],
    expected: "succeeded",
  },
  {
    name: "paid, notification lost",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "PENDING"),
      inquiryUnknown,
      (at) => inquiry(at, "SUCCESS"),
    ]),
    notifications: [foreignSuccess],
    expected: "succeeded",
  },
  {
    name: "customer's payment failed",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "PENDING"),
      (at) => inquiry(at, "FAIL"),
    ]),
    notifications: [(at) => failedNotification(at)],
    expected: "failed",
  },
  {
    name: "never paid, cancelled at expiry",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "PENDING"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "S"),
      (at) => inquiry(at, "CANCELLED"),
    ]),
    notifications: [],
    expected: "expired",
  },
  {
    name: "paid at the last second, the expiry cancel reversed it",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "PENDING"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "S"),
    ]),
    notifications: [paidNotification],
    expected: "reversed",
  },
  {
    name: "expiry cancel unclear, then the inquiry shows the payment stands",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "U"),
      (at) => inquiry(at, "SUCCESS"),
    ]),
    notifications: [paidNotification],
    expected: "succeeded",
  },
  {
    name: "expiry cancel unclear, then the inquiry shows it was cancelled after payment",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "U"),
      (at) => inquiry(at, "CANCELLED"),
    ]),
    notifications: [paidNotification],
    expected: "reversed",
  },
  {
    name: "expiry cancel retried until it succeeds",
    driver: spaced([
      (at) => payResult(at, "S"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "U"),
      (at) => cancelSent(at, "expired"),
      (at) => cancelResult(at, "S"),
    ]),
    notifications: [],
    expected: "expired",
  },
  {
    name: "merchant cancels an unpaid payment",
    driver: spaced([
      (at) => payResult(at, "S"),
      cancelRequested,
      (at) => cancelSent(at, "merchant"),
      (at) => cancelResult(at, "S"),
    ]),
    notifications: [],
    expected: "cancelled",
  },
  {
    name: "merchant cancels while the customer pays: money goes back",
    driver: spaced([
      (at) => payResult(at, "S"),
      cancelRequested,
      (at) => cancelSent(at, "merchant"),
      (at) => cancelResult(at, "S"),
    ]),
    notifications: [paidNotification],
    expected: "reversed",
  },
  {
    name: "merchant's cancel refused after payment",
    driver: spaced([
      (at) => payResult(at, "S"),
      cancelRequested,
      (at) => cancelSent(at, "merchant"),
      (at) => cancelResult(at, "F", "CANCEL_WINDOW_EXCEED"),
    ]),
    notifications: [paidNotification],
    expected: "succeeded",
  },
  {
    name: "pay unclear, re-sent, then paid",
    driver: spaced([
      (at) => payResult(at, "U"),
      (at): PaymentEvent => ({ type: "pay_error", at, errorCode: "TIMEOUT" }),
      (at) => payResult(at, "S"),
      (at) => inquiry(at, "SUCCESS"),
    ]),
    notifications: [paidNotification],
    expected: "succeeded",
  },
  {
    name: "pay rejected",
    driver: spaced([(at) => payResult(at, "F")]),
    notifications: [],
    expected: "failed",
  },
  {
    name: "pay never landed",
    driver: spaced([
      (at) => payResult(at, "U"),
      (at) => payResult(at, "U"),
      (at) => payResult(at, "U"),
      (at) => payResult(at, "U"),
      inquiryNotFound,
      inquiryNotFound,
      inquiryNotFound,
      (at) => cancelSent(at, "unknown_pay_result"),
      (at) => cancelResult(at, "F", "ORDER_NOT_EXIST"),
    ]),
    notifications: [],
    expected: "failed",
  },
  {
    name: "order unknown for a moment after pay, then paid",
    driver: spaced([
      (at) => payResult(at, "S"),
      inquiryNotFound,
      inquiryNotFound,
      (at) => inquiry(at, "SUCCESS"),
    ]),
    notifications: [paidNotification],
    expected: "succeeded",
  },
  {
    name: "paid the wrong amount",
    driver: spaced([(at) => payResult(at, "S"), (at) => inquiry(at, "SUCCESS", WRONG_AMOUNT)]),
    notifications: [(at) => paidNotification(at, WRONG_AMOUNT)],
    expected: "mismatch",
  },
  {
    name: "paid in the wrong currency",
    driver: spaced([(at) => payResult(at, "S")]),
    notifications: [(at) => paidNotification(at, WRONG_CURRENCY)],
    expected: "mismatch",
  },
];

/** Interleaves notifications into the driver's sequence and replays stored driver events later. */
function interleave(
  world: World,
  placements: number[],
  replays: Array<[number, number]>,
): PaymentEvent[] {
  const slots: Array<Array<(at: number) => PaymentEvent>> = world.driver.map(() => []);
  slots.push([]);
  placements.forEach((slot, index) => {
    const notify = world.notifications[index % Math.max(1, world.notifications.length)];
    if (notify !== undefined) slots[slot % slots.length]?.push(notify);
  });
  const timeline: PaymentEvent[] = [];
  let clock = T0;
  slots.forEach((arrivals, index) => {
    for (const arrive of arrivals) {
      clock += 1;
      timeline.push(arrive(clock));
    }
    const driven = world.driver[index];
    if (driven !== undefined) {
      clock = Math.max(clock, driven.at);
      timeline.push(driven);
    }
  });
  for (const [source, offset] of replays) {
    const original = world.driver[source % world.driver.length];
    if (original === undefined) continue;
    const position = timeline.indexOf(original);
    timeline.splice(position + 1 + (offset % (timeline.length - position)), 0, original);
  }
  return timeline;
}

describe("interleavings of a consistent world converge", () => {
  test.each(worlds)("$name → $expected", (world) => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), {
          minLength: world.notifications.length,
          maxLength: world.notifications.length + 4,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        (placements, replays) => {
          const final = applyAll(newPayment(), interleave(world, placements, replays));
          expect(final.status).toBe(world.expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
