import type { PaymentState } from "@ams-edge/core";
import type { OrderRecord } from "./order-record.ts";

/** What each entry of the event log records. */
export type EventKind =
  | "command"
  | "request"
  | "response"
  | "notification"
  | "transition"
  | "alarm";

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

  /** The state version last written to the D1 index, or null before the first write. */
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

  /** Appends one entry to the event log. */
  append(kind: EventKind, data: unknown, at: number = Date.now()): void {
    this.#sql.exec(
      "INSERT INTO events (at, kind, data) VALUES (?, ?, ?)",
      at,
      kind,
      JSON.stringify(data),
    );
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
