/**
 * The seeded plan of a soak run: for each payment its scenario, amount, customer script and the
 * sandbox fault rules aimed at it. The same count and seed always give the same plan, whatever
 * order the payments later run in.
 */
import {
  createSeededRandom,
  type FaultRule,
  type GatewayApi,
  type SeededRandom,
} from "@ams-edge/sandbox";
import { ODD_NOTIFICATIONS, type OddNotificationKind } from "./odd-notifications.ts";
import { SCENARIOS, type ScenarioName, scenarioNamed } from "./soak-scenarios.ts";

/** Where in each run of `every` payments a placed scenario goes (0-based). */
const PLACED_AT = 10;

/** A fault rule before it is pinned to one payment's request id. */
export type PlannedFault = Omit<FaultRule, "paymentRequestId" | "paymentId"> & {
  /** How the summary names it, where kind and operations do not say enough. */
  readonly label?: string;
};

/** An odd signed notification the soak posts for a payment, before or after its result. */
export interface PlannedOddNotification {
  readonly kind: OddNotificationKind;
  readonly when: "before" | "after";
}

/** What the simulated customer (or the merchant) does once the code is shown. */
export type CustomerScript =
  | { readonly kind: "none" }
  | { readonly kind: "pay"; readonly scan: boolean; readonly thinkMs: number }
  | { readonly kind: "decline"; readonly resultCode: string; readonly thinkMs: number }
  /** Declines, and the soak posts the provider's failure notification (no amount) itself. */
  | {
      readonly kind: "decline-provider-notice";
      readonly resultCode: string;
      readonly thinkMs: number;
    }
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
  /** Signed bodies the schema does not know, posted besides the real notifications. */
  readonly oddNotifications: readonly PlannedOddNotification[];
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
  /** A stalled answer body on one operation (pay, inquiryPayment or cancel). */
  stallBody: 0.08,
} as const;

/**
 * Share of stalls that end the call: HTTP 500 twice, then the stalled body on the client's last
 * attempt, so the state machine gets a `TIMEOUT`. The others stall one attempt, which the
 * client's deadline ends and its retry answers.
 */
export const STALL_ENDS_CALL_SHARE = 1 / 3;

/** Chance that a payment gets odd signed notifications (one or two, before or after its result). */
export const ODD_NOTIFICATION_CHANCE = 0.15;

/** How long a stalled body is held: longer than the Worker's 10 s deadline per attempt. */
const STALL_MS = 30_000;

/**
 * The unclear cancel answers of the attention scenario, taken in turn: U `PAYMENT_IN_PROCESS`
 * (the client does not retry it), HTTP 502 and U `UNKNOWN_EXCEPTION` (the client retries each
 * twice, 1.5 s more per cancel).
 */
const UNANSWERED_CANCELS: readonly PlannedFault[] = [
  {
    kind: "unknown-result",
    apis: ["cancel"],
    resultCode: "PAYMENT_IN_PROCESS",
    label: "unknown-result cancel, PAYMENT_IN_PROCESS (until lifted)",
  },
  { kind: "http-error", status: 502, apis: ["cancel"], label: "http-error cancel (until lifted)" },
  {
    kind: "unknown-result",
    apis: ["cancel"],
    label: "unknown-result cancel, UNKNOWN_EXCEPTION (until lifted)",
  },
];

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

function planFaults(random: SeededRandom, entryCode: boolean, shortExpiry: boolean) {
  const faults: PlannedFault[] = [];
  const mix = FAULT_MIX;
  const payFaults = !entryCode && !shortExpiry;
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
  // A pay stalled past a 2-3 s expiry leaves nobody the code: the Worker then closes it as
  // failed, not expired, so pay stalls go only where the code lives long and pay comes first.
  const stallApis: GatewayApi[] = ["inquiryPayment", "cancel"];
  if (payFaults) stallApis.push("pay");
  if (random.chance(mix.stallBody)) {
    const api = stallApis[random.int(stallApis.length)] ?? "inquiryPayment";
    const stall = { kind: "stall-body" as const, apis: [api], count: 1, delayMs: STALL_MS };
    if (random.chance(STALL_ENDS_CALL_SHARE)) {
      const label = `stall-body ${api} (call ends TIMEOUT)`;
      faults.push(
        { kind: "http-error", status: 500, apis: [api], count: 2, label: `${label}: HTTP 500 ×2` },
        { ...stall, label },
      );
    } else {
      faults.push({ ...stall, label: `stall-body ${api} (one attempt)` });
    }
  }
  return faults;
}

/**
 * The attention scenario's faults: every notification lost, every inquiry and every cancel
 * answered unclearly until the soak lifts them (the `turn`-th placement takes the `turn`-th
 * cancel answer of {@link UNANSWERED_CANCELS}). Inquiries answer U `PAYMENT_IN_PROCESS`, which
 * the client does not retry.
 */
function unansweredFaults(turn: number): PlannedFault[] {
  const cancel = UNANSWERED_CANCELS[turn % UNANSWERED_CANCELS.length];
  return [
    { kind: "drop-notification", label: "drop-notification (all, until lifted)" },
    {
      kind: "unknown-result",
      apis: ["inquiryPayment"],
      resultCode: "PAYMENT_IN_PROCESS",
      label: "unknown-result inquiryPayment (until lifted)",
    },
    ...(cancel === undefined ? [] : [cancel]),
  ];
}

/**
 * The provider-shaped decline's faults: the sandbox's own notifications (which carry an amount)
 * are lost, and the first two inquiries answer U, so that only the soak's notification can fail
 * the payment in time.
 */
const PROVIDER_NOTICE_FAULTS: readonly PlannedFault[] = [
  { kind: "drop-notification", label: "drop-notification (all: the provider's notice instead)" },
  {
    kind: "unknown-result",
    apis: ["inquiryPayment"],
    count: 2,
    label: "unknown-result inquiryPayment (first 2: the provider's notice decides)",
  },
];

function planOddNotifications(random: SeededRandom): PlannedOddNotification[] {
  if (!random.chance(ODD_NOTIFICATION_CHANCE)) return [];
  return Array.from({ length: 1 + random.int(2) }, () => ({
    kind: ODD_NOTIFICATIONS[random.int(ODD_NOTIFICATIONS.length)]?.kind ?? "not-json",
    when: random.chance(0.5) ? ("before" as const) : ("after" as const),
  }));
}

/** The scenario placed at `index`, if any (see `Scenario.every`). */
function placedAt(index: number): ScenarioName | undefined {
  return SCENARIOS.find((s) => s.every !== undefined && index % s.every === PLACED_AT)?.name;
}

function planOne(random: SeededRandom, index: number, seed: number): PlannedPayment {
  const scenario = placedAt(index) ?? pickScenario(random);
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
    case "declines-no-amount": {
      const resultCode = DECLINE_CODES[random.int(DECLINE_CODES.length)] ?? "RISK_REJECT";
      base.customer = { kind: "decline-provider-notice", resultCode, thinkMs: think(random) };
      break;
    }
    case "cancel-unanswered":
      base.expiresInSeconds = 2;
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
  const oddNotifications = planOddNotifications(random);
  let faults: PlannedFault[];
  const every = scenarioNamed(scenario).every ?? 1;
  if (scenario === "cancel-unanswered") faults = unansweredFaults(Math.floor(index / every));
  else faults = planFaults(random, entryCode, base.expiresInSeconds !== null);
  if (scenario === "declines-no-amount") faults = [...PROVIDER_NOTICE_FAULTS, ...faults];
  return { ...base, amount, replayCreate, faults, oddNotifications };
}

/**
 * True for a payment expected to take many seconds (a stalled body waits out the Worker's
 * 10 s deadline; an attention scenario runs its follow-up to the limit): the soak starts these
 * first, so that they overlap the quick ones instead of trailing after them.
 */
export function isSlow(plan: PlannedPayment): boolean {
  return (
    SCENARIOS.some((s) => s.name === plan.scenario && s.attention !== undefined) ||
    plan.faults.some((f) => f.kind === "stall-body")
  );
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
