import type { PaymentState } from "@ams-edge/core";
import type { OrderRecord } from "./order-record.ts";

/** What each entry of the event log records. */
export type EventKind =
  | "command"
  | "request"
  | "response"
  | "notification"
  | "transition"
  | "alarm"
  | "notification_unapplied";

/** A JSON value, as stored in the event log. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One entry of a payment's append-only event log. */
export interface LoggedEvent {
  seq: number;
  /** Epoch ms. */
  at: number;
  kind: EventKind;
  data: Json;
}

/** A kept notification that changed nothing, as copied to the Worker's review log. */
export interface UnappliedEntry {
  /** The `seq` of its `notification_unapplied` entry. */
  seq: number;
  at: number;
  reason: string;
  notifyType: string | null;
  requestTime: string;
  rawBody: string;
}

/** The payment as stored: the order and the state machine's state. */
export interface StoredPayment {
  order: OrderRecord;
  state: PaymentState;
}

/** Whether the object's SQLite database has table `name`: a read, which creates nothing. */
export function hasTable(sql: SqlStorage, name: string): boolean {
  return (
    sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name).toArray()
      .length > 0
  );
}

/**
 * A payment object's SQLite tables: one row with the current state, and the event log. Every
 * call is synchronous, so a read-transition-write sequence cannot interleave with another event.
 *
 * The tables are created with the payment, not with the object: an object addressed for a
 * payment that does not exist (a notification for an unknown id) reads, finds nothing, and
 * writes nothing.
 */
export class PaymentStorage {
  readonly #sql: SqlStorage;
  #ready: boolean;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#ready = hasTable(sql, "payment");
    // Objects made by an earlier version may lack a newer table.
    if (this.#ready) this.#createTables();
  }

  #createTables(): void {
    const sql = this.#sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS payment (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      order_json TEXT NOT NULL,
      state_json TEXT NOT NULL,
      alarm_at INTEGER
    )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS indexed (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS review_reported (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL
    )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      data TEXT NOT NULL
    )`);
    this.#ready = true;
  }

  /** The stored payment, or null when this object holds none. */
  load(): StoredPayment | null {
    if (!this.#ready) return null;
    const row = this.#sql
      .exec<{ order_json: string; state_json: string }>(
        "SELECT order_json, state_json FROM payment WHERE id = 1",
      )
      .toArray()[0];
    if (row === undefined) return null;
    return {
      order: JSON.parse(row.order_json) as OrderRecord,
      state: JSON.parse(row.state_json) as PaymentState,
    };
  }

  /** Stores the payment when the object holds none; false when one already exists. */
  insert(payment: StoredPayment): boolean {
    if (!this.#ready) this.#createTables();
    const cursor = this.#sql.exec(
      "INSERT OR IGNORE INTO payment (id, order_json, state_json) VALUES (1, ?, ?)",
      JSON.stringify(payment.order),
      JSON.stringify(payment.state),
    );
    return cursor.rowsWritten > 0;
  }

  /** Replaces the state. */
  saveState(state: PaymentState): void {
    this.#sql.exec("UPDATE payment SET state_json = ? WHERE id = 1", JSON.stringify(state));
  }

  /** Remembers when the alarm is meant to run (null: no alarm). */
  savePlannedAlarm(at: number | null): void {
    this.#sql.exec("UPDATE payment SET alarm_at = ? WHERE id = 1", at);
  }

  /** When the alarm was last meant to run, or null. */
  plannedAlarm(): number | null {
    if (!this.#ready) return null;
    const row = this.#sql
      .exec<{ alarm_at: number | null }>("SELECT alarm_at FROM payment WHERE id = 1")
      .toArray()[0];
    return row?.alarm_at ?? null;
  }

  /** The view version last written to the D1 index, or null before the first write. */
  indexedVersion(): number | null {
    if (!this.#ready) return null;
    const row = this.#sql
      .exec<{ version: number }>("SELECT version FROM indexed WHERE id = 1")
      .toArray()[0];
    return row?.version ?? null;
  }

  /** Records that the D1 index holds `version` of the state. */
  saveIndexedVersion(version: number): void {
    this.#sql.exec("INSERT OR REPLACE INTO indexed (id, version) VALUES (1, ?)", version);
  }

  /** Appends one entry to the event log; returns its `seq`. */
  append(kind: EventKind, data: unknown, at: number = Date.now()): number {
    return this.#sql
      .exec<{ seq: number }>(
        "INSERT INTO events (at, kind, data) VALUES (?, ?, ?) RETURNING seq",
        at,
        kind,
        JSON.stringify(data),
      )
      .one().seq;
  }

  /**
   * The `notification_unapplied` entries not yet copied to the Worker's review log in D1, each
   * with the notification it is about, oldest first.
   */
  unreportedUnapplied(): UnappliedEntry[] {
    if (!this.#ready) return [];
    const reported =
      this.#sql.exec<{ seq: number }>("SELECT seq FROM review_reported WHERE id = 1").toArray()[0]
        ?.seq ?? 0;
    return this.#sql
      .exec<{ seq: number; at: number; data: string; notification: string | null }>(
        `SELECT u.seq, u.at, u.data, n.data AS notification FROM events u
           LEFT JOIN events n ON n.seq = json_extract(u.data, '$.notificationSeq')
         WHERE u.kind = 'notification_unapplied' AND u.seq > ? ORDER BY u.seq`,
        reported,
      )
      .toArray()
      .map((row) => {
        const data = JSON.parse(row.data) as { reason: string; notifyType: string | null };
        const notification = JSON.parse(row.notification ?? "{}") as {
          requestTime?: string;
          rawBody?: string;
        };
        return {
          seq: row.seq,
          at: row.at,
          reason: data.reason,
          notifyType: data.notifyType,
          requestTime: notification.requestTime ?? "",
          rawBody: notification.rawBody ?? "",
        };
      });
  }

  /** Records that the review log holds every `notification_unapplied` entry up to `seq`. */
  saveReportedUnapplied(seq: number): void {
    this.#sql.exec("INSERT OR REPLACE INTO review_reported (id, seq) VALUES (1, ?)", seq);
  }

  /** The event log in order. */
  events(): LoggedEvent[] {
    if (!this.#ready) return [];
    return this.#sql
      .exec<{ seq: number; at: number; kind: string; data: string }>(
        "SELECT seq, at, kind, data FROM events ORDER BY seq",
      )
      .toArray()
      .map((row) => ({
        seq: row.seq,
        at: row.at,
        kind: row.kind as EventKind,
        data: JSON.parse(row.data) as Json,
      }));
  }
}
