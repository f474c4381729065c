import { createSeededRandom, type SeededRandom } from "../random/seeded-random.ts";
import type { FaultKind, FaultRule, GatewayApi } from "./fault-rule.ts";

/** A fault rule as the sandbox holds it: with an id and what is left of its count. */
export interface ActiveFault extends FaultRule {
  /** Stable id (`fault-1`, `fault-2`, ...) to find or remove it. */
  readonly id: string;
  /** Strikes left, or `null` when it has no count. */
  readonly remaining: number | null;
  /** How many times it has struck so far. */
  readonly struck: number;
}

/** What a fault is checked against: the operation and the payment concerned, when known. */
export interface FaultTarget {
  readonly api?: GatewayApi;
  readonly paymentId?: string | null;
  readonly paymentRequestId?: string | null;
}

/** Holds the fault rules and decides, reproducibly, when each one strikes. */
export interface FaultInjector {
  /** Adds rules; returns them as held. */
  add(rules: readonly FaultRule[]): ActiveFault[];
  /** Every rule, including spent ones. */
  list(): ActiveFault[];
  /** Removes one rule; false when no rule has that id. */
  remove(id: string): boolean;
  /** Removes every rule. */
  clear(): void;
  /** Restarts the random sequence from `seed`. */
  reseed(seed: number | string): void;
  /** The first rule of `kind` that matches `target` and strikes now (its count is used up), if any. */
  strike(kind: FaultKind, target: FaultTarget): ActiveFault | undefined;
}

interface MutableFault {
  id: string;
  rule: FaultRule;
  remaining: number | null;
  struck: number;
}

const DEFAULT_APIS: Partial<Record<FaultKind, readonly GatewayApi[]>> = {
  "unknown-result": ["pay", "inquiryPayment"],
};

function matches(fault: MutableFault, kind: FaultKind, target: FaultTarget): boolean {
  const { rule } = fault;
  if (rule.kind !== kind || fault.remaining === 0) return false;
  if (target.api !== undefined) {
    const apis = rule.apis ?? DEFAULT_APIS[kind];
    if (apis !== undefined && !apis.includes(target.api)) return false;
  }
  if (rule.paymentRequestId !== undefined && rule.paymentRequestId !== target.paymentRequestId)
    return false;
  if (rule.paymentId !== undefined && rule.paymentId !== target.paymentId) return false;
  return true;
}

function snapshot(fault: MutableFault): ActiveFault {
  return { ...fault.rule, id: fault.id, remaining: fault.remaining, struck: fault.struck };
}

/**
 * Creates a fault injector whose random draws come from a generator seeded with `seed`, so a
 * run with the same seed and the same calls sees the same faults.
 */
export function createFaultInjector(
  seed: number | string,
  rules: readonly FaultRule[] = [],
): FaultInjector {
  let random: SeededRandom = createSeededRandom(seed);
  let faults: MutableFault[] = [];
  let nextId = 1;

  const injector: FaultInjector = {
    add(newRules) {
      const added = newRules.map((rule) => {
        const fault: MutableFault = {
          id: `fault-${nextId}`,
          rule,
          remaining: rule.count ?? null,
          struck: 0,
        };
        nextId += 1;
        return fault;
      });
      faults = [...faults, ...added];
      return added.map(snapshot);
    },
    list: () => faults.map(snapshot),
    remove(id) {
      const before = faults.length;
      faults = faults.filter((fault) => fault.id !== id);
      return faults.length !== before;
    },
    clear() {
      faults = [];
    },
    reseed(newSeed) {
      random = createSeededRandom(newSeed);
    },
    strike(kind, target) {
      for (const fault of faults) {
        if (!matches(fault, kind, target)) continue;
        if (!random.chance(fault.rule.probability ?? 1)) continue;
        if (fault.remaining !== null) fault.remaining -= 1;
        fault.struck += 1;
        return snapshot(fault);
      }
      return undefined;
    },
  };
  injector.add(rules);
  return injector;
}
