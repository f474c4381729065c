import { Hono } from "hono";
import { systemClock } from "../clock/clock.ts";
import { createTimerSet } from "../clock/timer-set.ts";
import { controlRoutes } from "../control/control-routes.ts";
import { createFaultInjector } from "../faults/fault-injector.ts";
import { parseFaultRule } from "../faults/parse-fault-rule.ts";
import { GATEWAY_PREFIXES, gatewayRoutes } from "../gateway/gateway-routes.ts";
import { createNotifier } from "../notify/notifier.ts";
import { PROVIDER_RESEND_SCHEDULE_SECONDS } from "../notify/resend-schedule.ts";
import { createMessageSigner } from "../signing/sign-message.ts";
import { createPaymentStore } from "../state/payment-store.ts";
import { paymentView, refundView } from "../state/payment-view.ts";
import { formatTime } from "../time/format-time.ts";
import { applyCustomerAction, closeIfExpired } from "../wallet/customer-actions.ts";
import { MAGIC_AMOUNTS } from "../wallet/magic-amounts.ts";
import { walletRoutes } from "../wallet/wallet-routes.ts";
import { resolveSettings } from "./resolve-settings.ts";
import type { Sandbox } from "./sandbox.ts";
import type { SandboxEnv } from "./sandbox-env.ts";
import { SandboxError } from "./sandbox-error.ts";
import type { SandboxOptions } from "./sandbox-options.ts";
import type { SandboxRuntime } from "./sandbox-runtime.ts";

function checkSchedule(schedule: readonly number[]): readonly number[] {
  if (
    !Array.isArray(schedule) ||
    schedule.length === 0 ||
    !schedule.every((s) => Number.isFinite(s) && s >= 0)
  ) {
    throw new TypeError(
      "createSandbox: resendScheduleSeconds must be a non-empty list of seconds ≥ 0",
    );
  }
  return schedule;
}

/**
 * Creates a sandbox: a stateful stand-in for the provider's gateway, its customer's wallet and
 * its notifications. Nothing starts until the first request (no timers, no randomness at
 * creation), so it may be created at a Worker's top level.
 *
 * @example
 * const sandbox = createSandbox({
 *   merchants: [{ clientId: "SANDBOX_TEST", publicKey: merchantPublicKey }],
 *   alipayPrivateKey: sandboxPrivateKey,
 * });
 * export default { fetch: (request, env, ctx) => sandbox.fetch(request, ctx) };
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const settings = resolveSettings(options);
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new TypeError(`createSandbox: timeScale must be a positive number; got ${timeScale}`);
  }
  const schedule = checkSchedule(options.resendScheduleSeconds ?? PROVIDER_RESEND_SCHEDULE_SECONDS);
  const seed = options.seed ?? 1;
  const clock = options.clock ?? systemClock;
  const store = createPaymentStore(options.ledger);
  // Every change to the ledger happens in a request, a customer action, a timer or tracked work;
  // after each, the ledger is compared with the one last handed on.
  const onLedgerChange = options.onLedgerChange;
  let lastLedger = onLedgerChange === undefined ? "" : JSON.stringify(store.snapshot());
  const ledgerMayHaveChanged = (): void => {
    if (onLedgerChange === undefined) return;
    const snapshot = store.snapshot();
    const text = JSON.stringify(snapshot);
    if (text === lastLedger) return;
    lastLedger = text;
    onLedgerChange(snapshot);
  };
  const clockTimers = createTimerSet(clock);
  const timers: typeof clockTimers = {
    ...clockTimers,
    schedule: (callback, ms) =>
      clockTimers.schedule(() => {
        callback();
        ledgerMayHaveChanged();
      }, ms),
  };
  const faults = createFaultInjector(
    seed,
    (options.faults ?? []).map((rule, i) => parseFaultRule(rule, i)),
  );
  const signer = createMessageSigner(options.alipayPrivateKey, options.alipayKeyVersion ?? 1);
  const closing = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => {
      inFlight.delete(settled);
      ledgerMayHaveChanged();
    });
  };
  const offset = settings.timeZoneOffsetMinutes;
  const notifier = createNotifier({
    now: () => clock.now(),
    timers,
    faults,
    signer,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    schedule,
    timeScale,
    deliveryTimeoutMs: options.notifyTimeoutMs ?? 10_000,
    requestTime: (ms) => formatTime(ms, offset, { milliseconds: true }),
    track,
    closed: closing.signal,
  });
  const runtime: SandboxRuntime = {
    settings,
    clock,
    timers,
    store,
    faults,
    notifier,
    signer,
    time: (ms) => formatTime(ms, offset),
    track,
    closed: closing.signal,
  };

  const describe = () => ({
    name: "ams-edge sandbox",
    clientIds: [...settings.merchants.keys()],
    gatewayPrefixes: GATEWAY_PREFIXES,
    timeScale,
    seed,
    resendScheduleSeconds: schedule,
    defaultExpirySeconds: settings.defaultExpiryMs / 1000,
    magicAmounts: settings.magicAmounts ? MAGIC_AMOUNTS : [],
  });
  const app = new Hono<SandboxEnv>();
  app.route("/", gatewayRoutes(runtime));
  app.route("/", walletRoutes(runtime));
  app.route("/", controlRoutes(runtime, describe));
  app.notFound((c) =>
    c.json(
      { error: { code: "NOT_FOUND", message: `Nothing at ${c.req.method} ${c.req.path}.` } },
      404,
    ),
  );
  app.onError((error, c) =>
    c.json(
      {
        error: {
          code: "SANDBOX_ERROR",
          message: error instanceof Error ? error.message : String(error),
        },
      },
      500,
    ),
  );

  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };

  return {
    fetch: async (request, context) => {
      if (closing.signal.aborted) {
        return Response.json(
          { error: { code: "SANDBOX_CLOSED", message: "This sandbox is closed." } },
          { status: 503 },
        );
      }
      const defer = (work: Promise<unknown>): void => {
        track(work);
        context?.waitUntil?.(work.catch(() => undefined));
      };
      try {
        return await app.fetch(request, { defer });
      } finally {
        ledgerMayHaveChanged();
      }
    },
    payments: () =>
      runtime.store.payments().map((payment) => {
        const closed = closeIfExpired(runtime, payment);
        if (closed !== null) track(closed);
        return paymentView(payment);
      }),
    payment(id) {
      const payment = runtime.store.findPayment(id);
      if (payment === undefined) return undefined;
      const closed = closeIfExpired(runtime, payment);
      if (closed !== null) track(closed);
      return paymentView(payment);
    },
    refunds(id) {
      const payment = runtime.store.findPayment(id);
      if (payment === undefined) return [];
      return runtime.store
        .refundsOf(payment.paymentId)
        .toSorted((a, b) => a.createdAt - b.createdAt)
        .map(refundView);
    },
    ledger: () => store.snapshot(),
    notifications: (paymentId) => notifier.list(paymentId),
    act(id, action, resultCode) {
      if (closing.signal.aborted)
        throw new SandboxError("SANDBOX_CLOSED", "This sandbox is closed.");
      const payment = runtime.store.findPayment(id);
      if (payment === undefined) {
        throw new SandboxError("PAYMENT_NOT_FOUND", `No payment has id "${id}" in this sandbox.`, {
          hint: "Use the paymentId or paymentRequestId of a payment created through this sandbox's pay.",
        });
      }
      const outcome = applyCustomerAction(runtime, payment, action, resultCode);
      ledgerMayHaveChanged();
      if (!outcome.ok) throw new SandboxError("PAYMENT_FINAL", outcome.message);
      if (outcome.notified !== null) track(outcome.notified);
      return paymentView(outcome.payment);
    },
    faults: {
      add: (rules) =>
        faults.add(
          (Array.isArray(rules) ? rules : [rules]).map((rule, i) => parseFaultRule(rule, i)),
        ),
      list: () => faults.list(),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      reseed: (newSeed) => faults.reseed(newSeed),
    },
    clock,
    idle,
    async close() {
      if (!closing.signal.aborted) {
        closing.abort();
        timers.clear();
      }
      await idle();
      ledgerMayHaveChanged();
    },
  };
}
