/**
 * Drives one planned payment through the Worker: the merchant (or the Entry Code page) creates
 * it, the customer acts once the code is shown, and the payment is watched until it is final.
 */
import { SandboxError } from "@ams-edge/sandbox";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import { createSoakPayment } from "./create-soak-payment.ts";
import { type AttentionRun, followAttention } from "./follow-attention.ts";
import { type BodyIds, oddNotification, providerFailureBody } from "./odd-notifications.ts";
import { type PostedNotification, postSignedNotification } from "./post-signed-notification.ts";
import type { PlannedPayment } from "./soak-plan.ts";
import { isFinalStatus, scenarioNamed } from "./soak-scenarios.ts";
import { watchStatus } from "./watch-payment.ts";

/** What happened while driving one payment. */
export interface PaymentRun {
  readonly plan: PlannedPayment;
  paymentRequestId: string | null;
  statusToken: string | null;
  /** Entry Code: where the customer's wallet is sent. */
  redirectUrl: string | null;
  /** HTTP statuses of the create call(s), in the order sent. */
  createStatuses: number[];
  /** What the customer and the merchant did, in order. */
  actions: string[];
  /** The last status read. */
  lastStatus: string | null;
  /** Milliseconds from the create call to a final status, or null when none was reached. */
  settledMs: number | null;
  /** Status reads that failed (and were retried). */
  readErrors: number;
  /** Anything that went wrong while driving. */
  problems: string[];
  /** Sandbox fault ids aimed at this payment, in the plan's order. */
  faultIds: string[];
  /** Notifications the soak signed and posted itself, in the order sent. */
  posted: PostedNotification[];
  /** The attention scenario's flag, raised and cleared; null for other scenarios. */
  attention: AttentionRun | null;
}

/** How long the attention scenario may take to raise its flag. */
const ATTENTION_TIMEOUT_MS = 120_000;

/** Options of {@link drivePayment}. */
export interface DriveOptions {
  /** Aborted when the whole run is out of time. */
  readonly signal: AbortSignal;
  /** How long a payment may take to become final, beyond its expiry. */
  readonly settleTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Acts as the customer at the sandbox; a refusal is recorded as a problem. */
function act(
  stack: Stack,
  run: PaymentRun,
  action: "scan" | "pay" | "decline",
  resultCode?: string,
): void {
  const id = run.paymentRequestId ?? "";
  run.actions.push(resultCode === undefined ? action : `${action}:${resultCode}`);
  try {
    stack.sandbox.sandbox.act(id, action, resultCode);
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    run.problems.push(`customer could not ${action}: ${error.code} ${error.message}`);
  }
}

async function payFromRedirect(run: PaymentRun, redirectUrl: string): Promise<void> {
  run.actions.push("pay:wallet-page");
  const answer = await fetch(`${redirectUrl}/pay`, { method: "POST", redirect: "manual" });
  await answer.arrayBuffer();
  if (answer.status >= 400) run.problems.push(`wallet page pay answered ${answer.status}`);
}

async function merchantCancel(stack: Stack, run: PaymentRun): Promise<void> {
  run.actions.push("merchant-cancel");
  const answer = await merchant(stack, `/api/payments/${run.paymentRequestId}/cancel`, {
    method: "POST",
  });
  const text = await answer.text();
  if (answer.status !== 200) {
    run.problems.push(`merchant cancel answered ${answer.status}: ${text}`);
    return;
  }
  run.lastStatus = (JSON.parse(text) as { status: string }).status;
}

async function actAsCustomer(
  stack: Stack,
  plan: PlannedPayment,
  run: PaymentRun,
  options: DriveOptions,
): Promise<void> {
  const script = plan.customer;
  if (script.kind === "none") return;
  // The customer can act only once the code (or the redirect) is there.
  const shown = await watchStatus(stack, run, (s) => s !== "creating", 20_000, options.signal);
  if (shown.status !== "awaiting_payment") {
    run.problems.push(`the code was never shown: the payment is ${shown.status}`);
    return;
  }
  await sleep(script.thinkMs);
  switch (script.kind) {
    case "pay":
      if (script.scan) act(stack, run, "scan");
      if (run.redirectUrl !== null) {
        await payFromRedirect(run, run.redirectUrl);
      } else {
        act(stack, run, "pay");
      }
      return;
    case "decline":
      act(stack, run, "decline", script.resultCode);
      return;
    case "decline-provider-notice": {
      act(stack, run, "decline", script.resultCode);
      const body = providerFailureBody(bodyIds(stack, run), script.resultCode);
      run.posted.push(
        await postSignedNotification(stack, body, {
          kind: "provider-failure",
          when: "result",
          storedIn: "payment",
          unappliedReason: null,
        }),
      );
      return;
    }
    case "merchant-cancel":
      if (script.scan) act(stack, run, "scan");
      await merchantCancel(stack, run);
      return;
    case "pay-then-merchant-cancel": {
      act(stack, run, "pay");
      const paid = await watchStatus(
        stack,
        run,
        isFinalStatus,
        options.settleTimeoutMs,
        options.signal,
      );
      if (paid.status === "succeeded") await merchantCancel(stack, run);
      else run.problems.push(`expected succeeded before the merchant's cancel, saw ${paid.status}`);
      return;
    }
  }
}

/** The ids and amount odd bodies are written for; the gateway's id once the sandbox has it. */
function bodyIds(stack: Stack, run: PaymentRun): BodyIds {
  const id = run.paymentRequestId ?? "";
  return {
    paymentRequestId: id,
    paymentId: stack.sandbox.sandbox.payment(id)?.paymentId ?? null,
    amount: run.plan.amount,
  };
}

/** Posts the plan's odd notifications due `when`, one after the other. */
async function postOdd(stack: Stack, run: PaymentRun, when: "before" | "after"): Promise<void> {
  for (const planned of run.plan.oddNotifications) {
    if (planned.when !== when) continue;
    const odd = oddNotification(planned.kind);
    run.posted.push(
      await postSignedNotification(stack, odd.body(bodyIds(stack, run)), {
        kind: odd.kind,
        when,
        storedIn: odd.storedIn,
        unappliedReason: odd.reason,
      }),
    );
  }
}

/** Drives `plan` to a final status; never throws (problems are recorded in the run). */
export async function drivePayment(
  stack: Stack,
  plan: PlannedPayment,
  options: DriveOptions,
): Promise<PaymentRun> {
  const run: PaymentRun = {
    plan,
    paymentRequestId: null,
    statusToken: null,
    redirectUrl: null,
    createStatuses: [],
    actions: [],
    lastStatus: null,
    settledMs: null,
    readErrors: 0,
    problems: [],
    faultIds: [],
    posted: [],
    attention: null,
  };
  const started = performance.now();
  try {
    await createSoakPayment(stack, plan, run);
    if (run.paymentRequestId === null) return run;
    await postOdd(stack, run, "before");
    await actAsCustomer(stack, plan, run, options);
    if (scenarioNamed(plan.scenario).attention !== undefined) {
      const { faults } = stack.sandbox.sandbox;
      run.attention = await followAttention(
        stack,
        run,
        (id) => faults.remove(id),
        ATTENTION_TIMEOUT_MS,
        options.signal,
      );
    }
    const final =
      plan.customer.kind === "pay-then-merchant-cancel"
        ? (s: string) => isFinalStatus(s) && s !== "succeeded"
        : isFinalStatus;
    const timeoutMs = (plan.expiresInSeconds ?? 0) * 1000 + options.settleTimeoutMs;
    if ((await watchStatus(stack, run, final, timeoutMs, options.signal)).held) {
      run.settledMs = performance.now() - started;
      await postOdd(stack, run, "after");
    } else {
      run.problems.push(`not final after ${timeoutMs / 1000} s: still ${run.lastStatus}`);
    }
  } catch (error) {
    run.problems.push(`driver error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return run;
}
