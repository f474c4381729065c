/**
 * Sends one paid payment's planned refunds through `POST /api/payments/:id/refunds` as a
 * merchant's device would (retried taps, a second refund while one is in flight), and watches
 * them until the Worker says each one is final.
 */
import type { PaymentView, RefundView } from "@ams-edge/core/api";
import { refundRequestIdForKey } from "../../packages/worker/src/payments/refund-request-id.ts";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";
import { CLIENT_TIMEOUT_MS, type PlannedRefunds, type PlannedTap } from "./refund-plan.ts";

/** One answer to a refund request; `status` null when the request was cut off unanswered. */
export interface RefundAnswer {
  readonly status: number | null;
  /** The refund's id in the answer (201, first or replayed). */
  readonly refundRequestId: string | null;
  /** The refund's status in the answer (201, first or replayed). */
  readonly refundStatus: string | null;
  /** The error code (4xx, 5xx), or why the request was cut off. */
  readonly code: string | null;
  /** A replay: the Worker's first answer to this key again (`Idempotent-Replayed: true`). */
  readonly replayed: boolean;
  /** When it came (`performance.now()`). */
  readonly at: number;
}

/** A tap and every answer its requests got, in the order sent. */
export interface TapRun {
  readonly tap: PlannedTap;
  readonly answers: RefundAnswer[];
}

/** What happened to one payment's refunds. */
export interface RefundRun {
  readonly plan: PlannedRefunds;
  readonly paymentRequestId: string;
  readonly taps: TapRun[];
  /** Sandbox fault ids of the plan's fault rules, in the plan's order. */
  faultIds: string[];
  /** Milliseconds from a refund's first request to the Worker showing it final, by refund id. */
  readonly settledMs: Map<string, number>;
  /** Anything that went wrong while driving. */
  readonly problems: string[];
}

/** How long the soak waits for the refunds of one payment to be final. */
export const REFUND_SETTLE_TIMEOUT_MS = 40_000;

const FINAL = new Set(["succeeded", "failed"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one refund request; a request cut off (timeout, connection lost) answers status null. */
export async function postRefund(
  stack: Stack,
  paymentRequestId: string,
  tap: PlannedTap,
  signal?: AbortSignal,
): Promise<RefundAnswer> {
  const body = {
    amount: { currency: "USD", value: tap.amount },
    ...(tap.reason === null ? {} : { reason: tap.reason }),
  };
  try {
    const response = await fetch(`${stack.workerUrl}/api/payments/${paymentRequestId}/refunds`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${stack.apiKey}`,
        "content-type": "application/json",
        "idempotency-key": tap.key,
      },
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });
    const text = await response.text();
    const parsed = JSON.parse(text) as Partial<RefundView> & { error?: { code?: string } };
    return {
      status: response.status,
      refundRequestId: parsed.refundRequestId ?? null,
      refundStatus: parsed.status ?? null,
      code: parsed.error?.code ?? null,
      replayed: response.headers.get("idempotent-replayed") === "true",
      at: performance.now(),
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return {
      status: null,
      refundRequestId: null,
      refundStatus: null,
      code: name,
      replayed: false,
      at: performance.now(),
    };
  }
}

/** Sends a tap as planned; resolves with its run once every request of it is answered. */
async function sendTap(stack: Stack, id: string, tap: PlannedTap): Promise<TapRun> {
  const run: TapRun = { tap, answers: [] };
  switch (tap.send) {
    case "once":
      run.answers.push(await postRefund(stack, id, tap));
      break;
    case "twice-at-once":
      run.answers.push(
        ...(await Promise.all([postRefund(stack, id, tap), postRefund(stack, id, tap)])),
      );
      break;
    case "timeout-then-retry":
      run.answers.push(await postRefund(stack, id, tap, AbortSignal.timeout(CLIENT_TIMEOUT_MS)));
      run.answers.push(await postRefund(stack, id, tap));
      break;
  }
  return run;
}

/** Resolves once the gateway's ledger holds `count` refunds of the payment (at most `ms`). */
async function untilAtGateway(stack: Stack, id: string, count: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (stack.sandbox.sandbox.refunds(id).length < count && Date.now() < deadline) await sleep(20);
}

/** The payment's view read with the merchant key; null when unreadable. */
export async function readPaymentView(stack: Stack, id: string): Promise<PaymentView | null> {
  try {
    const response = await merchant(stack, `/api/payments/${id}`);
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null;
    }
    return (await response.json()) as PaymentView;
  } catch {
    return null;
  }
}

/** The refund ids the plan's taps stand for, by key. */
export async function idsByKey(plan: PlannedRefunds, id: string): Promise<Map<string, string>> {
  const keys = [...new Set(plan.taps.map((t) => t.key))];
  const ids = await Promise.all(keys.map((key) => refundRequestIdForKey(id, key)));
  return new Map(keys.map((key, i) => [key, ids[i] ?? ""]));
}

/** Pins the plan's fault rules to the payment and records their ids. */
export function addRefundFaults(stack: Stack, run: RefundRun): void {
  if (run.plan.faults.length === 0) return;
  const rules = run.plan.faults.map(({ label: _label, ...rule }) => ({
    ...rule,
    paymentRequestId: run.paymentRequestId,
  }));
  run.faultIds = stack.sandbox.sandbox.faults.add(rules).map((fault) => fault.id);
}

/** A new run of `plan` for the payment. */
export function newRefundRun(plan: PlannedRefunds, paymentRequestId: string): RefundRun {
  return { plan, paymentRequestId, taps: [], faultIds: [], settledMs: new Map(), problems: [] };
}

/**
 * Sends the taps in order: a `held` tap is not waited for, and the next one goes once the held
 * refund is at the gateway (its answer is being held there). Returns when every tap is answered.
 */
export async function sendTaps(
  stack: Stack,
  run: RefundRun,
  started: Map<string, number>,
  keyIds: ReadonlyMap<string, string>,
): Promise<void> {
  const id = run.paymentRequestId;
  const held: Promise<TapRun>[] = [];
  for (const tap of run.plan.taps) {
    const refundId = keyIds.get(tap.key) ?? "";
    if (!started.has(refundId)) started.set(refundId, performance.now());
    const before = stack.sandbox.sandbox.refunds(id).length;
    const sending = sendTap(stack, id, tap);
    if (tap.held) {
      held.push(sending);
      await untilAtGateway(stack, id, before + 1, 5000);
    } else {
      run.taps.push(await sending);
    }
  }
  run.taps.push(...(await Promise.all(held)));
  // A refund answered final needs no watching: it was final when the answer came.
  for (const answer of run.taps.flatMap((t) => t.answers)) {
    const refundId = answer.refundRequestId;
    const from = refundId === null ? undefined : started.get(refundId);
    if (refundId === null || from === undefined || !FINAL.has(answer.refundStatus ?? "")) continue;
    const ms = answer.at - from;
    run.settledMs.set(refundId, Math.min(ms, run.settledMs.get(refundId) ?? ms));
  }
}

/**
 * Reads the payment until every refund the plan's keys stand for that the Worker holds is final,
 * recording when each was first seen final; a problem when that takes longer than `timeoutMs`.
 * Most refunds are final by their answer, so one read does; the others are read again a quarter
 * of a second later, then less and less often, up to once a second, to keep the load off the
 * Worker the payments share.
 */
export async function watchRefunds(
  stack: Stack,
  run: RefundRun,
  started: ReadonlyMap<string, number>,
  keyIds: ReadonlyMap<string, string>,
  timeoutMs: number,
): Promise<void> {
  const ours = new Set(keyIds.values());
  const deadline = Date.now() + timeoutMs;
  let pause = 250;
  for (;;) {
    const view = await readPaymentView(stack, run.paymentRequestId);
    const mine = (view?.refunds ?? []).filter((r) => ours.has(r.refundRequestId));
    for (const refund of mine) {
      const from = started.get(refund.refundRequestId);
      if (
        FINAL.has(refund.status) &&
        from !== undefined &&
        !run.settledMs.has(refund.refundRequestId)
      ) {
        run.settledMs.set(refund.refundRequestId, performance.now() - from);
      }
    }
    if (view !== null && mine.every((r) => FINAL.has(r.status))) return;
    if (Date.now() > deadline) {
      const open = mine.filter((r) => !FINAL.has(r.status)).map((r) => r.refundRequestId);
      run.problems.push(
        `refunds not final after ${timeoutMs / 1000} s: ${open.join(", ") || "view unreadable"}`,
      );
      return;
    }
    await sleep(pause);
    pause = Math.min(1000, pause * 1.5);
  }
}

/**
 * Refunds a paid payment as planned during the run (`pool` phase): pins the faults, sends the
 * taps, and waits for every refund to be final. Never throws (problems are recorded).
 */
export async function driveRefunds(
  stack: Stack,
  plan: PlannedRefunds,
  paymentRequestId: string,
): Promise<RefundRun> {
  const run = newRefundRun(plan, paymentRequestId);
  try {
    const keyIds = await idsByKey(plan, paymentRequestId);
    const started = new Map<string, number>();
    addRefundFaults(stack, run);
    await sendTaps(stack, run, started, keyIds);
    await watchRefunds(stack, run, started, keyIds, REFUND_SETTLE_TIMEOUT_MS);
  } catch (error) {
    run.problems.push(
      `refund driver error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return run;
}
