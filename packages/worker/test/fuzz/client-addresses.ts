import type { ClientIp } from "./entry-cases.ts";
import { normalizedHeader } from "./hostile-text.ts";
import { ENTRY_LIMIT } from "./test-stores.ts";

/** What the rate limiter must answer a request: known, or unknowable from here (a refill). */
export type Verdict = "allowed" | "limited" | "either";

interface Use {
  allowed: number;
  since: number;
}

/**
 * A model of the Entry Code rate limiter (one token bucket per `CF-Connecting-IP`), so that each
 * input knows whether it reaches the body checks. Fresh addresses come from 198.18.0.0/15.
 */
export class ClientAddresses {
  readonly #uses = new Map<string, Use>();
  #serial = 0;
  #pooled: string | null = null;
  #spent: string | null = null;

  #fresh(): string {
    this.#serial += 1;
    return `198.18.${(this.#serial >> 8) & 255}.${this.#serial & 255}`;
  }

  #use(address: string): Use {
    let use = this.#uses.get(address);
    if (use === undefined) {
      use = { allowed: 0, since: Date.now() };
      this.#uses.set(address, use);
    }
    return use;
  }

  /** What the limiter answers the next request from `address` (as sent, before trimming). */
  verdict(address: string): Verdict {
    const use = this.#use(normalizedHeader(address));
    if (use.allowed < ENTRY_LIMIT.burst) return "allowed";
    // Fewer than one token can have come back yet: still empty.
    const refilled = (Date.now() - use.since) / (ENTRY_LIMIT.refillSeconds * 1000);
    return refilled < 0.9 ? "limited" : "either";
  }

  /** Records what the limiter answered. */
  record(address: string, allowed: boolean): void {
    if (allowed) this.#use(normalizedHeader(address)).allowed += 1;
  }

  /**
   * The address for a spec, and how many requests must spend it first (an empty bucket that
   * may have refilled is replaced by a new one, spent by the caller).
   */
  resolve(ip: ClientIp): { address: string; spendFirst: number } {
    if (ip.kind === "given") return { address: ip.value, spendFirst: 0 };
    if (ip.kind === "pool") {
      if (this.#pooled === null || this.verdict(this.#pooled) !== "allowed")
        this.#pooled = this.#fresh();
      return { address: this.#pooled, spendFirst: 0 };
    }
    if (this.#spent !== null && this.verdict(this.#spent) === "limited") {
      return { address: this.#spent, spendFirst: 0 };
    }
    this.#spent = this.#fresh();
    return { address: this.#spent, spendFirst: ENTRY_LIMIT.burst };
  }
}
