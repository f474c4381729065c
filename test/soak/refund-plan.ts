/**
 * The seeded refund plan: which paid payments the merchant then refunds, how (one refund, several
 * parts, retried taps, a second refund while one is in flight), the faults aimed at their refund
 * and `inquiryRefund` calls, and which refunds are left in flight across a restart of the Worker.
 * Drawn from its own generator, so that adding refunds changes nothing in the payments' plan.
 */
import { createSeededRandom, type SeededRandom } from "@ams-edge/sandbox";
import type { PlannedFault, PlannedPayment } from "./soak-plan.ts";
import { scenarioNamed } from "./soak-scenarios.ts";

/** How the merchant's device sends one refund intent (one `Idempotency-Key`). */
export type TapSend =
  /** Sent once. */
  | "once"
  /** Sent twice at once with the same key (a double tap): one refund, one 201 and one replay. */
  | "twice-at-once"
  /** Given up by the device after {@link CLIENT_TIMEOUT_MS} while its answer is held, then sent again. */
  | "timeout-then-retry";

/** What the Worker must answer a tap. */
export type TapExpect =
  /** `201`, a new refund (`timeout-then-retry`: its retry answers `200` or `201`). */
  | "created"
  /** `200`, the refund the key already holds. */
  | "replay"
  /** `409 IDEMPOTENCY_KEY_REUSED`: the key with another amount. */
  | "key-reused"
  /** `422 REFUND_AMOUNT_EXCEEDED`: more than what was paid, refunds in flight counted. */
  | "exceeded";

/** One refund request the merchant sends. */
export interface PlannedTap {
  /** The `Idempotency-Key`: one per refund the merchant means. */
  readonly key: string;
  /** Minor units of USD. */
  readonly amount: string;
  readonly reason: string | null;
  readonly send: TapSend;
  readonly expect: TapExpect;
  /** Not waited for: the next tap goes while this one's refund call is held at the gateway. */
  readonly held: boolean;
}

/** The refund scripts. */
export type RefundScript =
  | "full"
  | "partial"
  | "full-in-parts"
  | "retry-at-once"
  | "retry-after-timeout"
  | "in-flight-exceeds"
  | "in-flight-fits"
  | "key-reused"
  | "restart";

/** The refunds of one paid payment. */
export interface PlannedRefunds {
  /** The payment's position in the payments' plan. */
  readonly index: number;
  readonly script: RefundScript;
  readonly taps: readonly PlannedTap[];
  /** Fault rules on `refund` and `inquiryRefund`, pinned to the payment when its refunds start. */
  readonly faults: readonly PlannedFault[];
  /**
   * `pool`: right after the payment succeeds. `restart`: in the phase after every payment is
   * final, sent and held at the gateway while the Worker restarts.
   */
  readonly phase: "pool" | "restart";
}

/** Chance that a payment that ends `succeeded` is refunded during the run. */
export const REFUND_CHANCE = 0.35;

/** Payments of every hundred whose refund is held across the Worker's restart. */
export const RESTART_REFUNDS_PER_HUNDRED = 3;

/** How long the merchant's device waits for an answer in `timeout-then-retry`. */
export const CLIENT_TIMEOUT_MS = 500;

/** How long a tap's refund answer is held so that another tap can go meanwhile. */
const HELD_MS = 1500;

/** The Worker's client's deadline per attempt. */
const WORKER_DEADLINE_MS = 10_000;

/** Longer than the Worker's deadline per attempt. */
const PAST_DEADLINE_MS = 11_000;

/** Longer than the restart phase: the answer is cut off with the Worker, never delivered. */
const ACROSS_RESTART_MS = 30_000;

/** Chance per refunded payment of each fault on its refund calls. */
export const REFUND_FAULT_MIX = {
  /** U three times: the call ends U and the refund is inquired about. */
  unknownEndsCall: 0.15,
  /** U once: the client's retry answers. */
  unknownOnce: 0.1,
  /** HTTP 500 three times: the call ends with an HTTP error. */
  httpErrorEndsCall: 0.1,
  /** HTTP 502 once: the client's retry answers. */
  httpErrorOnce: 0.1,
  /** A stalled body; a third of them end the call `TIMEOUT` (HTTP 500 twice first). */
  stallBody: 0.03,
  /** An answer held past the client's deadline; a third end the call `TIMEOUT`. */
  hangPastDeadline: 0.03,
  /** Faults on the inquiries that follow an unclear refund (one is then made unclear). */
  inquiryUnknown: 0.15,
  inquiryHttpError: 0.1,
} as const;

/** Share of stalls and hangs that end the call (`TIMEOUT`) rather than one attempt. */
const ENDS_CALL_SHARE = 1 / 3;

/** Scripts drawn for refunds during the run, with their weights. */
const POOL_SCRIPTS: readonly (readonly [RefundScript, number])[] = [
  ["full", 2],
  ["partial", 3],
  ["full-in-parts", 2],
  ["retry-at-once", 2],
  ["retry-after-timeout", 2],
  ["in-flight-exceeds", 2],
  ["in-flight-fits", 2],
  ["key-reused", 1],
];

const REASONS = [null, "customer returned the goods", "wrong amount charged"] as const;

/** True for a payment whose scenario ends `succeeded`: only those are refunded. */
export function endsPaid(plan: PlannedPayment): boolean {
  return scenarioNamed(plan.scenario).intended === "succeeded";
}

function pickScript(random: SeededRandom): RefundScript {
  let draw = random.int(POOL_SCRIPTS.reduce((sum, [, weight]) => sum + weight, 0));
  for (const [script, weight] of POOL_SCRIPTS) {
    if (draw < weight) return script;
    draw -= weight;
  }
  return "full";
}

/** `parts` amounts of at least one minor unit that add up to `total`. */
function split(random: SeededRandom, total: number, parts: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < Math.min(parts, total) - 1) cuts.add(1 + random.int(total - 1));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), total];
  return sorted.slice(1).map((cut, i) => cut - (sorted[i] ?? 0));
}

/** A share of `total` between `low` and `high` (fractions), at least one minor unit. */
const share = (random: SeededRandom, total: number, low: number, high: number) =>
  Math.max(1, Math.floor(total * (low + ((high - low) * random.int(1000)) / 1000)));

function tapsFor(
  random: SeededRandom,
  script: RefundScript,
  paid: number,
  keyOf: (n: number) => string,
): PlannedTap[] {
  const reason = () => REASONS[random.int(REASONS.length)] ?? null;
  const tap = (n: number, amount: number, more: Partial<PlannedTap> = {}): PlannedTap => ({
    key: keyOf(n),
    amount: String(amount),
    reason: null,
    send: "once",
    expect: "created",
    held: false,
    ...more,
  });
  switch (script) {
    case "full":
      return [tap(1, paid, { reason: reason() }), tap(2, 1, { expect: "exceeded" })];
    case "partial": {
      const parts = split(random, share(random, paid, 0.3, 0.9), 1 + random.int(3));
      return parts.map((amount, i) => tap(i + 1, amount, { reason: reason() }));
    }
    case "full-in-parts": {
      const parts = split(random, paid, 2 + random.int(2));
      const last = parts.length + 1;
      return [
        ...parts.map((amount, i) => tap(i + 1, amount)),
        tap(last, 1, { expect: "exceeded" }),
      ];
    }
    case "retry-at-once":
      return [tap(1, share(random, paid, 0.2, 1), { send: "twice-at-once", reason: reason() })];
    case "retry-after-timeout":
      return [tap(1, share(random, paid, 0.2, 1), { send: "timeout-then-retry" })];
    case "in-flight-exceeds": {
      // Two taps of 60 % cannot both go, even while the first is only in flight; what is left
      // after the first goes through.
      const first = share(random, paid, 0.55, 0.7);
      return [
        tap(1, first, { held: true }),
        tap(2, first, { expect: "exceeded" }),
        tap(3, paid - first),
      ];
    }
    case "in-flight-fits": {
      const first = share(random, paid, 0.2, 0.45);
      return [tap(1, first, { held: true }), tap(2, share(random, paid - first, 0.3, 1))];
    }
    case "key-reused": {
      const first = share(random, paid, 0.2, 0.5);
      return [
        tap(1, first),
        tap(1, first + 1, { expect: "key-reused" }),
        tap(1, first, { expect: "replay" }),
      ];
    }
    case "restart":
      return [tap(1, random.chance(0.5) ? paid : share(random, paid, 0.2, 0.9), { held: true })];
  }
}

/** The faults of a script that holds a tap: its first refund answer is held. */
function scriptFaults(script: RefundScript): PlannedFault[] {
  if (script === "restart") {
    return [
      {
        kind: "hang",
        apis: ["refund"],
        count: 1,
        delayMs: ACROSS_RESTART_MS,
        label: "hang refund across the Worker's restart",
      },
    ];
  }
  if (script === "in-flight-exceeds" || script === "in-flight-fits") {
    return [
      {
        kind: "hang",
        apis: ["refund"],
        count: 1,
        delayMs: HELD_MS,
        label: "hang refund 1.5 s (a new key while it is in flight)",
      },
    ];
  }
  if (script === "retry-after-timeout") {
    return [
      {
        kind: "hang",
        apis: ["refund"],
        count: 1,
        delayMs: HELD_MS,
        label: "hang refund 1.5 s (the device gives up and retries)",
      },
    ];
  }
  return [];
}

function drawFaults(random: SeededRandom): PlannedFault[] {
  const mix = REFUND_FAULT_MIX;
  const faults: PlannedFault[] = [];
  const endsCall = (kind: "stall-body" | "hang", delayMs: number, what: string) => {
    const fault = { kind, apis: ["refund" as const], count: 1, delayMs };
    if (random.chance(ENDS_CALL_SHARE)) {
      const label = `${what} (call ends TIMEOUT)`;
      faults.push(
        {
          kind: "http-error",
          status: 500,
          apis: ["refund"],
          count: 2,
          label: `${label}: HTTP 500 ×2`,
        },
        { ...fault, label },
      );
    } else {
      faults.push({ ...fault, label: `${what} (one attempt)` });
    }
  };
  let unclear = false;
  if (random.chance(mix.unknownEndsCall)) {
    faults.push({
      kind: "unknown-result",
      apis: ["refund"],
      count: 3,
      label: "unknown-result refund ×3 (call ends U)",
    });
    unclear = true;
  }
  if (random.chance(mix.unknownOnce)) {
    faults.push({
      kind: "unknown-result",
      apis: ["refund"],
      count: 1,
      label: "unknown-result refund (one attempt)",
    });
  }
  if (random.chance(mix.httpErrorEndsCall)) {
    faults.push({
      kind: "http-error",
      status: 500,
      apis: ["refund"],
      count: 3,
      label: "http-error 500 refund ×3 (call ends HTTP 500)",
    });
    unclear = true;
  }
  if (random.chance(mix.httpErrorOnce)) {
    faults.push({
      kind: "http-error",
      status: 502,
      apis: ["refund"],
      count: 1,
      label: "http-error 502 refund (one attempt)",
    });
  }
  if (random.chance(mix.stallBody)) endsCall("stall-body", PAST_DEADLINE_MS, "stall-body refund");
  if (random.chance(mix.hangPastDeadline))
    endsCall("hang", PAST_DEADLINE_MS, "hang refund past the 10 s deadline");
  const inquiry: PlannedFault[] = [];
  if (random.chance(mix.inquiryUnknown)) {
    inquiry.push({
      kind: "unknown-result",
      apis: ["inquiryRefund"],
      count: 1 + random.int(2),
      label: "unknown-result inquiryRefund",
    });
  }
  if (random.chance(mix.inquiryHttpError)) {
    inquiry.push({
      kind: "http-error",
      status: 500,
      apis: ["inquiryRefund"],
      count: 1 + random.int(3),
      label: "http-error 500 inquiryRefund",
    });
  }
  // Inquiry faults strike only when a refund is unclear: make sure one is.
  if (inquiry.length > 0 && !unclear) {
    faults.push({
      kind: "unknown-result",
      apis: ["refund"],
      count: 3,
      label: "unknown-result refund ×3 (call ends U)",
    });
  }
  return [...faults, ...inquiry];
}

/**
 * The refund plan for `payments` and `seed`: refunds only of payments whose scenario ends paid,
 * the first {@link RESTART_REFUNDS_PER_HUNDRED} such payments of every hundred held across the
 * restart, {@link REFUND_CHANCE} of the others refunded during the run.
 *
 * @example
 * planRefunds(planPayments(100, 1), 1).filter((r) => r.phase === "restart").length; // 3
 */
export function planRefunds(payments: readonly PlannedPayment[], seed: number): PlannedRefunds[] {
  const random = createSeededRandom(`soak-refunds:${seed}`);
  const restartsIn = new Map<number, number>();
  const planned: PlannedRefunds[] = [];
  for (const payment of payments) {
    if (!endsPaid(payment)) continue;
    const hundred = Math.floor(payment.index / 100);
    const restarts = restartsIn.get(hundred) ?? 0;
    const restart = restarts < RESTART_REFUNDS_PER_HUNDRED;
    if (!restart && !random.chance(REFUND_CHANCE)) continue;
    if (restart) restartsIn.set(hundred, restarts + 1);
    const script = restart ? "restart" : pickScript(random);
    const keyOf = (n: number) => `soak-${seed}-${payment.index}-refund-${n}`;
    const taps = tapsFor(random, script, Number(payment.amount), keyOf);
    const faults = [...scriptFaults(script), ...(restart ? [] : drawFaults(random))];
    planned.push({
      index: payment.index,
      script,
      taps,
      faults,
      phase: restart ? "restart" : "pool",
    });
  }
  return planned;
}

/**
 * The refunded total the Worker and the gateway must end with: every distinct key the plan
 * expects to go through, once.
 */
export function expectedRefunded(refunds: PlannedRefunds): bigint {
  const keys = new Map<string, bigint>();
  for (const tap of refunds.taps) {
    if (tap.expect === "created" && !keys.has(tap.key)) keys.set(tap.key, BigInt(tap.amount));
  }
  return [...keys.values()].reduce((sum, n) => sum + n, 0n);
}

/**
 * True for refunds during the run expected to take many seconds (an answer stalled or held past
 * the Worker's 10 s deadline per attempt): the soak starts their payments first.
 */
export function refundsAreSlow(refunds: PlannedRefunds | undefined): boolean {
  if (refunds?.phase !== "pool") return false;
  return refunds.faults.some(
    (f) => (f.kind === "stall-body" || f.kind === "hang") && (f.delayMs ?? 0) > WORKER_DEADLINE_MS,
  );
}
