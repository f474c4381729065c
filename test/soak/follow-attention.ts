/**
 * The attention scenario's end: wait for the flag, check the merchant's list shows it, lift the
 * payment's faults, ask `POST /api/payments/:id/inquire`, and check the flag clears and leaves
 * the list.
 */
import type { PaymentView } from "@ams-edge/core/api";
import type { Stack } from "../e2e/stack.ts";
import { merchant } from "../e2e/worker-client.ts";

/** What happened to a payment's attention flag. */
export interface AttentionRun {
  /** The flag's reason when it was first seen, or null when it was never raised. */
  reason: string | null;
  /** Milliseconds from the create call to the flag. */
  flaggedAfterMs: number | null;
  /** Listed by `GET /api/payments?attention=true` while flagged. */
  listed: boolean;
  /** The status `POST /api/payments/:id/inquire` answered with, once the faults were lifted. */
  inquiredStatus: string | null;
  /** The inquire's answer had no flag. */
  cleared: boolean;
  /** Gone from `?attention=true` after the inquire. */
  unlisted: boolean;
}

/** The fields of a driven payment that following the flag reads. */
export interface AttentionTarget {
  readonly paymentRequestId: string | null;
  readonly statusToken: string | null;
  /** Sandbox fault ids aimed at this payment: lifted once the payment is flagged. */
  readonly faultIds: readonly string[];
  lastStatus: string | null;
  problems: string[];
}

type FlagView = Pick<PaymentView, "status" | "attention">;

const POLL_MS = 250;
const LIST_WAIT_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readView(stack: Stack, target: AttentionTarget): Promise<FlagView | null> {
  try {
    const response = await fetch(
      `${stack.workerUrl}/api/payments/${target.paymentRequestId}?token=${target.statusToken}`,
    );
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null;
    }
    return (await response.json()) as FlagView;
  } catch {
    return null;
  }
}

/** True when the flagged list (the demo store's, first page of 200) names the payment. */
async function isListed(stack: Stack, id: string): Promise<boolean | null> {
  try {
    const response = await merchant(
      stack,
      "/api/payments?attention=true&storeId=demo-store&limit=200",
    );
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null;
    }
    const { payments } = (await response.json()) as { payments: { paymentRequestId: string }[] };
    return payments.some((p) => p.paymentRequestId === id);
  } catch {
    return null;
  }
}

/** Polls `check` until it answers `wanted` or `timeoutMs` passes; true when it did. */
async function until(
  check: () => Promise<boolean | null>,
  wanted: boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await check()) === wanted) return true;
    if (Date.now() > deadline || signal.aborted) return false;
    await sleep(POLL_MS);
  }
}

/**
 * Follows the flag as above; problems go to `target.problems`. `lift` removes one sandbox fault.
 * Resolves with what happened (also when the flag never came, within `timeoutMs`).
 */
export async function followAttention(
  stack: Stack,
  target: AttentionTarget,
  lift: (faultId: string) => void,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<AttentionRun> {
  const started = performance.now();
  const record: AttentionRun = {
    reason: null,
    flaggedAfterMs: null,
    listed: false,
    inquiredStatus: null,
    cleared: false,
    unlisted: false,
  };
  const id = target.paymentRequestId ?? "";
  let flagged: FlagView | null = null;
  const deadline = Date.now() + timeoutMs;
  while (flagged === null && Date.now() < deadline && !signal.aborted) {
    const view = await readView(stack, target);
    if (view !== null) target.lastStatus = view.status;
    if (view?.attention != null) flagged = view;
    else await sleep(POLL_MS);
  }
  if (flagged === null) {
    target.problems.push(
      `never flagged for attention within ${timeoutMs / 1000} s (still ${target.lastStatus})`,
    );
    return record;
  }
  record.reason = flagged.attention?.reason ?? null;
  record.flaggedAfterMs = performance.now() - started;
  record.listed = await until(() => isListed(stack, id), true, LIST_WAIT_MS, signal);
  for (const faultId of target.faultIds) lift(faultId);
  const answer = await merchant(stack, `/api/payments/${id}/inquire`, { method: "POST" });
  const text = await answer.text();
  if (answer.status !== 200) {
    target.problems.push(`inquire answered ${answer.status}: ${text}`);
    return record;
  }
  const view = JSON.parse(text) as FlagView;
  target.lastStatus = view.status;
  record.inquiredStatus = view.status;
  record.cleared = view.attention === null;
  record.unlisted = await until(() => isListed(stack, id), false, LIST_WAIT_MS, signal);
  return record;
}
