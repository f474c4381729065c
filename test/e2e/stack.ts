/**
 * The local stack for end-to-end tests and the soak: the one in scripts/lib/local-stack.ts (the
 * Worker's deploy bundle under `wrangler dev`, the sandbox in this process), with fast clocks and
 * a sandbox clock that tests can put behind real time.
 */
import type { Clock } from "@ams-edge/sandbox";
import { type LocalStack, startLocalStack } from "../../scripts/lib/local-stack.ts";

/** Every delay of the Worker's payment schedule is divided by this (2 s inquiry → 100 ms). */
export const SCHEDULE_SCALE = 20;

/** A running stack. */
export interface Stack extends LocalStack {
  /** Puts the sandbox's clock `ms` behind real time (0 puts it back). */
  setSandboxLag(ms: number): void;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /** `--var`s for the Worker, over the defaults (e.g. `SCHEDULE_SCALE: "1"` for real clocks). */
  vars?: Record<string, string>;
}

/** Starts the sandbox and the Worker; rejects (after cleaning up) if either does not come up. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  let lagMs = 0;
  const clock: Clock = {
    now: () => Date.now() - lagMs,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms)),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const stack = await startLocalStack({
    label: "e2e",
    sandbox: {
      clock,
      // The provider's resend schedule (0 s, 2 min, 10 min, ... 15 h) in about one second overall.
      timeScale: 0.00001,
      notifyTimeoutMs: 5000,
    },
    vars: { SCHEDULE_SCALE: String(SCHEDULE_SCALE), ...options.vars },
  });
  return {
    ...stack,
    setSandboxLag: (ms) => {
      lagMs = ms;
    },
  };
}
