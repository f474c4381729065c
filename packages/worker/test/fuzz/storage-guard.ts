import { listDurableObjectIds, runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Sandbox } from "@ams-edge/sandbox";
import { expect } from "vitest";
import { isPaymentRequestId } from "../../src/payments/payment-request-id.ts";

// One round trip that moves whenever a row is added to either table or an index row is updated
// (every update raises `version`).
const DIGEST_SQL = `SELECT
  (SELECT count(*) FROM payments) AS payments,
  (SELECT coalesce(sum(version), 0) FROM payments) AS versions,
  (SELECT count(*) FROM notifications) AS notifications,
  (SELECT coalesce(max(id), 0) FROM notifications) AS lastNotification`;

interface Digest {
  payments: number;
  versions: number;
  notifications: number;
  lastNotification: number;
}

interface D1Contents {
  payments: unknown[];
  notifications: unknown[];
}

async function d1Digest(): Promise<Digest | null> {
  return env.DB.prepare(DIGEST_SQL).first<Digest>();
}

async function d1Contents(): Promise<D1Contents> {
  const [payments, notifications] = await env.DB.batch([
    env.DB.prepare("SELECT * FROM payments ORDER BY payment_request_id"),
    env.DB.prepare("SELECT * FROM notifications ORDER BY id"),
  ]);
  return { payments: payments?.results ?? [], notifications: notifications?.results ?? [] };
}

const paymentStub = (id: string) => env.PAYMENTS.get(env.PAYMENTS.idFromName(id));

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(","))
    .join("|");

/** Inputs between two D1 checks: a failure names them all. */
export const CHECK_EVERY = 8;

/** A row the review log (D1 `notifications`) must gain: a signed notification no payment took. */
export interface LoggedNotification {
  notify_type: string | null;
  payment_request_id: string | null;
  body: string;
  reason: string;
}

/**
 * A signed notification a fixture payment must keep without applying it: its event log gains the
 * notification and a `notification_unapplied` entry with `reason` (its alarm then copies it
 * to the review log), its view stays as it was, and the review log gains its row.
 */
export interface KeptNotification {
  paymentRequestId: string;
  body: string;
  reason: string;
  notifyType: string | null;
}

/**
 * Watches everything a request could change: the D1 index and log, the fixtures' payment
 * objects, every other payment object, the gateway's payments, and the built-in prototypes.
 */
export class StorageGuard {
  readonly #sandbox: Sandbox;
  readonly #fixtureIds: readonly string[];
  readonly #prototypes = prototypes();
  #logs = new Map<string, string>();
  #views = new Map<string, string>();
  #digest: Digest | null = null;
  #contents: D1Contents = { payments: [], notifications: [] };
  #gateway = "";
  #unchecked: string[] = [];
  #touched = new Set<string>();

  private constructor(sandbox: Sandbox, fixtureIds: readonly string[]) {
    this.#sandbox = sandbox;
    this.#fixtureIds = fixtureIds;
  }

  /** Takes the "before" picture. */
  static async take(sandbox: Sandbox, fixtureIds: readonly string[]): Promise<StorageGuard> {
    const guard = new StorageGuard(sandbox, fixtureIds);
    await guard.#retake();
    return guard;
  }

  async #retake(): Promise<void> {
    for (const id of this.#fixtureIds) {
      this.#logs.set(id, await paymentStub(id).eventLog());
      this.#views.set(id, JSON.stringify(await paymentStub(id).view()));
    }
    this.#contents = await d1Contents();
    this.#digest = await d1Digest();
    this.#gateway = JSON.stringify(this.#sandbox.payments());
  }

  /**
   * After one input. No prototype may have gained a property. An input that may log a
   * notification (`logged`) is checked at once: D1 gained exactly that row. The others are
   * checked every {@link CHECK_EVERY} inputs (one D1 round trip costs more than most requests):
   * D1 did not move, and the objects they addressed hold what they held (nothing, for an
   * unknown id). A failure names the inputs since the last check and retakes the picture, so
   * that later inputs (and shrinking) are judged by what they change themselves.
   */
  async afterInput(
    input: string,
    touches: readonly string[],
    logged?: LoggedNotification,
    kept?: KeptNotification,
  ): Promise<void> {
    expect(prototypes()).toBe(this.#prototypes);
    this.#unchecked.push(input);
    for (const id of touches) if (isPaymentRequestId(id)) this.#touched.add(id);
    if (kept !== undefined) {
      await this.#checkKept(kept);
      return;
    }
    if (logged !== undefined || this.#unchecked.length >= CHECK_EVERY) await this.#check(logged);
  }

  /**
   * A fixture kept a notification without applying it: its alarm (due at once) copies it to the
   * review log; run it, then check the log entries, the view and the review row, and take them
   * as the new "before".
   */
  async #checkKept(kept: KeptNotification): Promise<void> {
    const inputs = this.#unchecked;
    this.#unchecked = [];
    const id = kept.paymentRequestId;
    try {
      const stub = paymentStub(id);
      for (let runs = 0; runs < 3 && (await runDurableObjectAlarm(stub)); runs += 1);
      const before = JSON.parse(this.#logs.get(id) ?? "[]") as unknown[];
      const log = await stub.eventLog();
      const added = (JSON.parse(log) as { seq: number; kind: string; data: unknown }[]).slice(
        before.length,
      );
      expect(added.map((e) => e.kind)).toStrictEqual(["notification", "notification_unapplied"]);
      expect((added[0]?.data as { rawBody?: string } | undefined)?.rawBody).toBe(kept.body);
      expect(added[1]?.data).toStrictEqual({
        reason: kept.reason,
        notifyType: kept.notifyType,
        notificationSeq: added[0]?.seq,
      });
      expect(JSON.stringify(await stub.view())).toBe(this.#views.get(id));
      const row = await env.DB.prepare(
        "SELECT * FROM notifications ORDER BY id DESC LIMIT 1",
      ).first<Record<string, unknown>>();
      expect([
        row?.notify_type,
        row?.payment_request_id,
        row?.body,
        row?.reason,
        row?.source_seq,
      ]).toStrictEqual([kept.notifyType, id, kept.body, kept.reason, added[1]?.seq]);
      const after = await d1Digest();
      const digest = this.#digest;
      expect(after).toStrictEqual(
        digest === null
          ? after
          : { ...digest, notifications: digest.notifications + 1, lastNotification: row?.id },
      );
      this.#logs.set(id, log);
      this.#contents.notifications.push(row);
      this.#digest = after;
    } catch (error) {
      await this.#retake();
      throw new Error(`a kept notification was not kept as it should be:\n${inputs.join("\n")}`, {
        cause: error,
      });
    }
  }

  async #check(logged?: LoggedNotification): Promise<void> {
    const inputs = this.#unchecked;
    const touched = [...this.#touched];
    this.#unchecked = [];
    this.#touched = new Set();
    try {
      const before = this.#digest;
      const after = await d1Digest();
      if (logged === undefined || before === null || after === null) {
        expect(after).toStrictEqual(before);
      } else {
        const row = await env.DB.prepare(
          "SELECT * FROM notifications ORDER BY id DESC LIMIT 1",
        ).first<Record<string, unknown>>();
        expect([
          after,
          row?.notify_type,
          row?.payment_request_id,
          row?.body,
          row?.reason,
        ]).toStrictEqual([
          { ...before, notifications: before.notifications + 1, lastNotification: row?.id },
          logged.notify_type,
          logged.payment_request_id,
          logged.body,
          logged.reason,
        ]);
        this.#contents.notifications.push(row);
        this.#digest = after;
      }
      // Every change to a payment object appends to its event log, so the log alone tells.
      for (const id of touched) {
        expect(await paymentStub(id).eventLog()).toBe(this.#logs.get(id) ?? "[]");
      }
    } catch (error) {
      await this.#retake();
      throw new Error(
        `storage changed after one of these ${inputs.length} inputs:\n${inputs.join("\n")}`,
        { cause: error },
      );
    }
  }

  /** After a batch: everything in full, over every payment object that exists. */
  async afterBatch(): Promise<void> {
    await this.#check();
    expect(await d1Contents()).toStrictEqual(this.#contents);
    expect(JSON.stringify(this.#sandbox.payments())).toBe(this.#gateway);
    for (const id of this.#fixtureIds) {
      expect(await paymentStub(id).eventLog()).toBe(this.#logs.get(id));
      expect(JSON.stringify(await paymentStub(id).view())).toBe(this.#views.get(id));
    }
    const fixtures = new Set(this.#fixtureIds.map((id) => env.PAYMENTS.idFromName(id).toString()));
    for (const objectId of await listDurableObjectIds(env.PAYMENTS)) {
      if (fixtures.has(objectId.toString())) continue;
      const stub = env.PAYMENTS.get(objectId);
      expect([await stub.view(), await stub.eventLog()]).toStrictEqual([null, "[]"]);
    }
    expect(prototypes()).toBe(this.#prototypes);
  }
}
