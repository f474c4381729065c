/**
 * The seeded plan of a soak run: for each payment its scenario, amount, customer script and the
 * sandbox fault rules aimed at it. The same count and seed always give the same plan, whatever
 * order the payments later run in.
 */
import { createSeededRandom, type FaultRule, type SeededRandom } from "@ams-edge/sandbox";
import { SCENARIOS, type ScenarioName } from "./soak-scenarios.ts";

/** A fault rule before it is pinned to one payment's request id. */
export type PlannedFault = Omit<FaultRule, "paymentRequestId" | "paymentId">;

/** What the simulated customer (or the merchant) does once the code is shown. */
export type CustomerScript =
  | { readonly kind: "none" }
  | { readonly kind: "pay"; readonly scan: boolean; readonly thinkMs: number }
  | { readonly kind: "decline"; readonly resultCode: string; readonly thinkMs: number }
  | { readonly kind: "merchant-cancel"; readonly scan: boolean; readonly thinkMs: number }
  | { readonly kind: "pay-then-merchant-cancel"; readonly thinkMs: number };

/** One payment of the plan. */
export interface PlannedPayment {
  /** 0-based position in the plan. */
  readonly index: number;
  readonly scenario: ScenarioName;
  readonly channel: "OrderCode" | "EntryCode";
  /** Minor units of USD. */
  readonly amount: string;
  /** Order Code only: sent as the merchant's `Idempotency-Key`. */
  readonly idempotencyKey: string;
  /** `expiresInSeconds` for the create call, or null for the Worker's default. */
  readonly expiresInSeconds: number | null;
  readonly customer: CustomerScript;
  /** The merchant's create call is sent twice at once with the same key (a client retry). */
  readonly replayCreate: boolean;
  readonly faults: readonly PlannedFault[];
}

/**
 * Chance per payment of each fault. A drop loses every attempt half the time (only an inquiry
 * can then settle the payment) and the first one to three attempts otherwise.
 */
export const FAULT_MIX = {
  dropNotification: 0.2,
  duplicateNotification: 0.1,
  reorderNotifications: 0.08,
  corruptNotificationSignature: 0.03,
  payUnknown: 0.04,
  payHttpError: 0.04,
  inquiryUnknown: 0.06,
  inquiryHttpError: 0.04,
  cancelHttpError: 0.1,
} as const;

/** Chance that the merchant's create call is replayed with the same Idempotency-Key. */
export const REPLAY_CHANCE = 0.1;

const DECLINE_CODES = ["USER_BALANCE_NOT_ENOUGH", "RISK_REJECT"] as const;

function pickScenario(random: SeededRandom): ScenarioName {
  let draw = random.int(SCENARIOS.reduce((sum, s) => sum + s.weight, 0));
  for (const scenario of SCENARIOS) {
    if (draw < scenario.weight) return scenario.name;
    draw -= scenario.weight;
  }
  throw new Error("scenario weights do not add up");
}

/** An amount no magic suffix matches: it ends in 50. */
const plainAmount = (random: SeededRandom) => String((1 + random.int(98)) * 100 + 50);
/** A magic amount: one digit, then the three-digit suffix (USD 1.701 to 9.761 dollars). */
const magicAmount = (random: SeededRandom, suffix: string) => `${1 + random.int(9)}${suffix}`;
const think = (random: SeededRandom) => random.int(250);

function planFaults(random: SeededRandom, entryCode: boolean): PlannedFault[] {
  const faults: PlannedFault[] = [];
  const mix = FAULT_MIX;
  if (random.chance(mix.dropNotification)) {
    const lostForGood = random.chance(0.5);
    const count = 1 + random.int(3);
    faults.push(lostForGood ? { kind: "drop-notification" } : { kind: "drop-notification", count });
  }
  if (random.chance(mix.duplicateNotification)) {
    faults.push({ kind: "duplicate-notification", count: 1 });
  }
  if (random.chance(mix.reorderNotifications)) {
    faults.push({ kind: "reorder-notifications", count: 1, window: 2, delayMs: 300 });
  }
  if (random.chance(mix.corruptNotificationSignature)) {
    faults.push({ kind: "corrupt-notification-signature", count: 1 });
  }
  // Pay faults need the request id before pay is sent, which only the merchant API gives.
  if (!entryCode && random.chance(mix.payUnknown)) {
    faults.push({ kind: "unknown-result", apis: ["pay"], count: 1 });
  }
  if (!entryCode && random.chance(mix.payHttpError)) {
    faults.push({ kind: "http-error", status: 500, apis: ["pay"], count: 1 });
  }
  if (random.chance(mix.inquiryUnknown)) {
    faults.push({ kind: "unknown-result", apis: ["inquiryPayment"], count: 1 + random.int(2) });
  }
  if (random.chance(mix.inquiryHttpError)) {
    faults.push({ kind: "http-error", status: 500, apis: ["inquiryPayment"], count: 1 });
  }
  if (random.chance(mix.cancelHttpError)) {
    faults.push({ kind: "http-error", status: 502, apis: ["cancel"], count: 1 });
  }
  return faults;
}

function planOne(random: SeededRandom, index: number, seed: number): PlannedPayment {
  const scenario = pickScenario(random);
  const base = {
    index,
    scenario,
    channel: "OrderCode" as "OrderCode" | "EntryCode",
    idempotencyKey: `soak-${seed}-${index}`,
    expiresInSeconds: null as number | null,
    customer: { kind: "none" } as CustomerScript,
  };
  let amount = plainAmount(random);
  switch (scenario) {
    case "pays":
      base.customer = { kind: "pay", scan: random.chance(0.5), thinkMs: think(random) };
      break;
    case "pays-entry-code":
      base.channel = "EntryCode";
      base.customer = { kind: "pay", scan: false, thinkMs: think(random) };
      break;
    case "pays-magic":
      amount = magicAmount(random, "701");
      break;
    case "pays-silent":
      amount = magicAmount(random, "741");
      break;
    case "pays-after-unknown":
      amount = magicAmount(random, "731");
      base.customer = { kind: "pay", scan: true, thinkMs: think(random) };
      break;
    case "short-paid":
      amount = magicAmount(random, "761");
      break;
    case "declines":
      if (random.chance(0.5)) {
        amount = magicAmount(random, random.chance(0.5) ? "711" : "712");
      } else {
        const resultCode = DECLINE_CODES[random.int(DECLINE_CODES.length)] ?? "RISK_REJECT";
        base.customer = { kind: "decline", resultCode, thinkMs: think(random) };
      }
      break;
    case "never-pays":
      if (random.chance(0.5)) amount = magicAmount(random, "721");
      base.expiresInSeconds = 2 + random.int(2);
      break;
    case "merchant-cancels":
      base.customer = { kind: "merchant-cancel", scan: random.chance(0.5), thinkMs: think(random) };
      break;
    case "paid-then-cancelled":
      base.customer = { kind: "pay-then-merchant-cancel", thinkMs: think(random) };
      break;
  }
  const entryCode = base.channel === "EntryCode";
  const replayCreate = !entryCode && random.chance(REPLAY_CHANCE);
  return { ...base, amount, replayCreate, faults: planFaults(random, entryCode) };
}

/**
 * The plan of `count` payments for `seed`.
 *
 * @example
 * planPayments(100, 7)[0]?.scenario; // the same scenario on every run with seed 7
 */
export function planPayments(count: number, seed: number): PlannedPayment[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`planPayments: expected a positive whole count, got ${count}`);
  }
  const random = createSeededRandom(`soak:${seed}`);
  return Array.from({ length: count }, (_, index) => planOne(random, index, seed));
}
