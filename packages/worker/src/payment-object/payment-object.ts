import { DurableObject } from "cloudflare:workers";
import {
  createPayment,
  findRefund,
  type NotificationMeaning,
  nextAction,
  nextRefundAction,
  type PaymentAction,
  type PaymentEvent,
  type PaymentState,
  type RefundEvent,
  type RefundResultEvent,
  type RefundState,
  toRefundErrorEvent,
  toRefundInquiryEvent,
  toRefundResultEvent,
  transition,
  transitionRefund,
} from "@ams-edge/core";
import { loadConfig } from "../config/load-config.ts";
import { logUnappliedNotifications } from "../notify/other-notification-log.ts";
import { upsertPaymentIndex } from "../payment-index/payment-index.ts";
import { upsertRefundIndex } from "../payment-index/refund-index.ts";
import { gatewayClient } from "./gateway-client.ts";
import {
  type CallOutcome,
  eventOf,
  outcomeLogEntry,
  outcomeOf,
  refundNoticeEvent,
} from "./gateway-events.ts";
import { acceptLiveSocket, broadcast, visiblePart } from "./live-sockets.ts";
import type { CreatePaymentCommand } from "./order-record.ts";
import { PaymentStorage, type StoredPayment } from "./payment-storage.ts";
import type { ObjectResult, PaymentView, RefundView } from "./payment-view.ts";
import { decideRefund, type RefundCommand } from "./refund-decision.ts";
import { scaledRefundSchedule } from "./refund-schedule.ts";
import { legacyRefunds, RefundStorage } from "./refund-storage.ts";
import { scaledSchedule } from "./scaled-schedule.ts";
import { toPaymentView, toRefundView, viewVersion } from "./to-payment-view.ts";

/** Longest wait between retries of a failed D1 write. */
const D1_RETRY_MAX_MS = 60_000;

/**
 * How long after a notification's change the alarm writes D1: long enough that the write never
 * competes with acknowledgements arriving together (a burst of results), and that changes made
 * within it are written once.
 */
const D1_WRITE_DELAY_MS = 1000;

const fail = <T>(
  code: Extract<ObjectResult<T>, { ok: false }>["code"],
  message: string,
): ObjectResult<T> => ({
  ok: false,
  code,
  message,
});

/**
 * One payment: its state, its append-only event log, its alarms and its live sockets. Addressed
 * by `idFromName(paymentRequestId)`. Every state change is a synchronous read-transition-write
 * on SQLite storage, so events that arrive together (a notification during an inquiry) apply in
 * turn; gateway calls happen between them, never inside.
 */
export class PaymentObject extends DurableObject<Env> {
  readonly #storage: PaymentStorage;
  readonly #refundStorage: RefundStorage;
  #payInFlight: Promise<void> | null = null;
  /** Refund calls this instance is waiting on, by refund id (a replay waits for the answer). */
  readonly #refundSends = new Map<string, Promise<void>>();
  /** Refund inquiries this instance is waiting on (an alarm running alongside skips them). */
  readonly #refundInquiries = new Set<string>();
  /** Consecutive failed D1 writes, for the retry delay (reset by a success). */
  #d1Failures = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#storage = new PaymentStorage(ctx.storage.sql);
    this.#refundStorage = new RefundStorage(ctx.storage.sql);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /**
   * Creates the payment and sends pay, or, when it exists with the same fingerprint, answers
   * with it (`created: false`) once any pay in flight has been answered.
   */
  async create(
    command: CreatePaymentCommand,
  ): Promise<ObjectResult<{ created: boolean; view: PaymentView }>> {
    const existing = this.#storage.load();
    if (existing !== null) {
      if (existing.order.fingerprint !== command.fingerprint) {
        return fail(
          "IDEMPOTENCY_KEY_REUSED",
          "this Idempotency-Key was used for a different payment; use a new key for a new payment",
        );
      }
      if (this.#payInFlight !== null) await this.#payInFlight;
      return { ok: true, value: { created: false, view: this.#currentView() } };
    }
    const { createdAt, expiresAt, ...order } = command;
    const state = createPayment({
      paymentRequestId: order.payRequest.paymentRequestId,
      scenario: order.payRequest.paymentFactor.inStorePaymentScenario,
      amount: order.payRequest.paymentAmount,
      createdAt,
      expiresAt,
    });
    this.#storage.insert({ order, state });
    this.#storage.append("command", { type: "create", order, createdAt, expiresAt });
    // A watchdog: if this object is torn down before pay is answered, the alarm resumes it.
    const watchdogAt = createdAt + this.#schedule().requestLeaseMs;
    this.#storage.savePlannedAlarm(watchdogAt);
    await this.ctx.storage.setAlarm(watchdogAt);
    await this.#sendPay();
    await this.#afterChange();
    return { ok: true, value: { created: true, view: this.#currentView() } };
  }

  /** The payment as the API shows it, or null when this object holds none. */
  view(): PaymentView | null {
    const stored = this.#storage.load();
    return stored === null ? null : this.#viewOf(stored);
  }

  /** The event log, oldest first, as JSON text (an array of `{ seq, at, kind, data }`). */
  eventLog(): string {
    return JSON.stringify(this.#storage.events());
  }

  /** The merchant cancels: closes an unpaid payment, or reverses a paid one. */
  async cancel(): Promise<ObjectResult<PaymentView>> {
    const stored = this.#storage.load();
    if (stored === null) return fail("PAYMENT_NOT_FOUND", "no such payment");
    const { status } = stored.state;
    if (status === "cancelled" || status === "reversed") {
      return { ok: true, value: this.#currentView() };
    }
    if (status !== "creating" && status !== "awaiting_payment" && status !== "succeeded") {
      return fail(
        "PAYMENT_NOT_CANCELLABLE",
        `the payment is ${status}; only an open or paid payment can be cancelled`,
      );
    }
    this.#storage.append("command", { type: "cancel" });
    this.#apply({ type: "cancel_requested", at: Date.now() });
    await this.#runDueAction();
    await this.#afterChange();
    return { ok: true, value: this.#currentView() };
  }

  /**
   * The merchant asks the gateway once more, now: one inquiry about the payment, and one about
   * each refund whose follow-up stopped unsettled. Works whatever the schedule says, also for a
   * payment flagged for attention: a clear answer lifts the flag (and the follow-up resumes), an
   * unclear one keeps it.
   */
  async inquire(): Promise<ObjectResult<PaymentView>> {
    const stored = this.#storage.load();
    if (stored === null) return fail("PAYMENT_NOT_FOUND", "no such payment");
    this.#storage.append("command", { type: "inquire" });
    const ids = { paymentRequestId: stored.state.paymentRequestId };
    this.#feed("inquiry", await outcomeOf(() => this.#client().inquiryPayment(ids)));
    await this.#followUpRefunds(Date.now(), true);
    await this.#afterChange();
    return { ok: true, value: this.#currentView() };
  }

  /**
   * Refunds part or all of a paid payment, once per refund id. A new refund is recorded before
   * its refund call is sent (a restart finds it and follows it up), and answered with where it
   * stands once the call is answered (`created: true`). The same id with the same request is
   * answered with the refund's current view, after its call in flight (if any) is answered
   * (`created: false`); with another request, `IDEMPOTENCY_KEY_REUSED`. A refused refund is not
   * recorded.
   */
  async refund(
    command: RefundCommand,
  ): Promise<ObjectResult<{ created: boolean; view: RefundView }>> {
    const stored = this.#storage.load();
    if (stored === null) return fail("PAYMENT_NOT_FOUND", "no such payment");
    const refunds = this.#loadRefunds(stored);
    const decision = decideRefund(stored.state, refunds, command, Date.now());
    if (decision.kind === "refused") return fail(decision.code, decision.message);
    const id = command.refundRequestId;
    if (decision.kind === "replay") {
      await this.#refundSends.get(id);
      return { ok: true, value: { created: false, view: this.#firstAnswer(id) } };
    }
    this.#storage.append("command", { type: "refund", ...command });
    this.#applyRefund(decision.event);
    const watchdogAt = decision.event.at + this.#refundSchedule().leaseMs;
    const paymentId = stored.state.paymentId ?? "";
    const send = (async () => {
      // A watchdog: if this object is torn down before the refund is answered, the alarm follows
      // it up from storage.
      await this.#armBy(watchdogAt);
      await this.#sendRefund(command, paymentId);
    })().finally(() => this.#refundSends.delete(id));
    // Set before anything is awaited: a replay arriving meanwhile waits for this answer.
    this.#refundSends.set(id, send);
    await send;
    await this.#afterChange();
    return { ok: true, value: { created: true, view: this.#firstAnswer(id) } };
  }

  /**
   * The first answer given for a refund, kept so that every replay of its request gets the same
   * body; recorded now when none was given yet (the first request's object was torn down before
   * it could answer).
   */
  #firstAnswer(refundRequestId: string): RefundView {
    const kept = this.#refundStorage.firstAnswer(refundRequestId);
    if (kept !== null) return JSON.parse(kept) as RefundView;
    const view = this.#refundView(refundRequestId);
    this.#refundStorage.saveFirstAnswer(refundRequestId, JSON.stringify(view));
    return view;
  }

  /**
   * Stores a verified notification's raw body and applies what it means, in one call that reads
   * the payment once. Resolves once both are in this object's storage, so the Worker acknowledges
   * a stored notification; the D1 index is brought up to date afterwards by the alarm (see
   * {@link PaymentObject.alarm}), so an index outage never delays or fails an acknowledgement.
   * `known: false` means this object holds no payment (nothing was written).
   */
  async receiveNotification(input: {
    meaning: NotificationMeaning;
    rawBody: string;
    requestTime: string;
  }): Promise<{ known: boolean; changed: boolean }> {
    const stored = this.#storage.load();
    if (stored === null) return { known: false, changed: false };
    const at = Date.now();
    const notificationSeq = this.#storage.append(
      "notification",
      { requestTime: input.requestTime, rawBody: input.rawBody },
      at,
    );
    const refunds = this.#loadRefunds(stored);
    const { event, reason, notifyType } = meaningFor(input.meaning, refunds, at);
    // What the state machines cannot act on is kept for review, with the reason; a scheduled
    // inquiry still settles the payment or the refund.
    if (reason !== null) {
      this.#storage.append("notification_unapplied", { reason, notifyType, notificationSeq }, at);
    }
    let next = stored;
    let changed = false;
    // The refunds as read above, unless a refund result changed them.
    let refundsAfter: RefundState | undefined = refunds;
    if (event !== null && event.type === "refund_result") {
      changed = this.#applyRefund(event, stored);
      if (changed) refundsAfter = undefined;
    } else if (event !== null) {
      next = this.#applyTo(stored, event);
      changed = next !== stored;
    }
    if (!changed && reason === null) return { known: true, changed: false };
    await this.#afterChange(next, "later", reason !== null, refundsAfter);
    return { known: true, changed };
  }

  /**
   * Runs the action the state machine asks for and the refund inquiries that are due, then
   * re-arms. Safe to run twice.
   */
  override async alarm(info?: AlarmInvocationInfo): Promise<void> {
    const stored = this.#storage.load();
    if (stored === null) return;
    // The action the alarm was armed for is due when it runs. The platform never runs an alarm
    // early; a test that runs it ahead of time (runDurableObjectAlarm) skips time forward to it.
    const plannedAt = this.#storage.plannedAlarm() ?? 0;
    const now = Math.max(Date.now(), plannedAt);
    const action = nextAction(stored.state, now, this.#schedule());
    const refund = nextRefundAction(this.#loadRefunds(stored), now, this.#refundSchedule());
    if (
      (action.type === "none" || action.at > now) &&
      (refund.type === "none" || refund.at > now)
    ) {
      // Armed only for what D1 is owed (the index, the review log): write it and re-arm; no
      // gateway call is due, so nothing goes in the event log.
      await this.#afterChange(stored);
      return;
    }
    this.#storage.append("alarm", { plannedAt, retryCount: info?.retryCount ?? 0 });
    await this.#runDueAction(now);
    await this.#followUpRefunds(now);
    await this.#afterChange();
  }

  /** `GET /api/payments/:id/live`: a hibernatable WebSocket that receives every change. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json(
        { error: { code: "INVALID_REQUEST", message: "expected a WebSocket upgrade request" } },
        { status: 426, headers: { upgrade: "websocket" } },
      );
    }
    const stored = this.#storage.load();
    if (stored === null) {
      return Response.json(
        { error: { code: "PAYMENT_NOT_FOUND", message: "no such payment" } },
        { status: 404 },
      );
    }
    return acceptLiveSocket(this.ctx, this.#viewOf(stored));
  }

  /** Messages other than the automatic ping/pong are ignored. */
  override webSocketMessage(): void {}

  override webSocketClose(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // Already closed by the other side: nothing to do.
    }
  }

  #schedule() {
    return scaledSchedule(loadConfig(this.env).scheduleScale);
  }

  #refundSchedule() {
    return scaledRefundSchedule(loadConfig(this.env).scheduleScale);
  }

  /** The payment's refunds as stored (or as kept by a payment stored before refunds had their own). */
  #loadRefunds(stored: StoredPayment): RefundState {
    return this.#refundStorage.load() ?? legacyRefunds(stored.state.paymentRequestId, stored.state);
  }

  #refundView(refundRequestId: string): RefundView {
    const record = findRefund(this.#loadRefunds(this.#requireStored()), refundRequestId);
    if (record === undefined) throw new Error(`no refund ${refundRequestId}`);
    return toRefundView(record);
  }

  /**
   * Applies one refund event to the stored refunds; on a change stores them, logs the transition
   * and tells the sockets. True when it changed something.
   */
  #applyRefund(event: RefundEvent, stored: StoredPayment = this.#requireStored()): boolean {
    const refunds = this.#loadRefunds(stored);
    const next = transitionRefund(refunds, event, this.#refundSchedule());
    if (next === refunds) return false;
    this.#refundStorage.save(next);
    this.#storage.append("transition", {
      event,
      refundRequestId: event.refundRequestId,
      from: findRefund(refunds, event.refundRequestId)?.status ?? null,
      to: findRefund(next, event.refundRequestId)?.status ?? null,
      version: next.version,
    });
    if (this.ctx.getWebSockets().length > 0) {
      const before = this.#viewOf(stored, stored.state, refunds);
      const after = this.#viewOf(stored, stored.state, next);
      if (visiblePart(before) !== visiblePart(after)) broadcast(this.ctx, after);
    }
    return true;
  }

  /** Sends a recorded refund and applies its answer (a transport failure leaves it unclear). */
  async #sendRefund(command: RefundCommand, paymentId: string): Promise<void> {
    const id = command.refundRequestId;
    const outcome = await outcomeOf(() =>
      this.#client().refund({
        refundRequestId: id,
        paymentId,
        refundAmount: command.amount,
        ...(command.reason === null ? {} : { refundReason: command.reason }),
        refundNotifyUrl: command.notifyUrl,
      }),
    );
    this.#storage.append("response", outcomeLogEntry("refund", outcome));
    const at = Date.now();
    this.#applyRefund(
      "error" in outcome
        ? toRefundErrorEvent("refund", id, outcome.error, at)
        : toRefundResultEvent(id, outcome.result, at),
    );
  }

  /**
   * Inquires (`inquiryRefund`) about every refund whose follow-up is due at `now`, each once; with
   * `flagged`, about each refund whose follow-up stopped unsettled instead (a merchant's request:
   * a verdict settles it, anything else leaves it flagged). A refund whose call or inquiry this
   * instance is still waiting on is left to it.
   */
  async #followUpRefunds(now: number, flagged = false): Promise<void> {
    const asked = new Set<string>();
    for (;;) {
      const refunds = this.#loadRefunds(this.#requireStored());
      let id: string | undefined;
      if (flagged) {
        id = refunds.refunds.find(
          (r) =>
            r.attention !== null &&
            (r.status === "sending" || r.status === "unclear") &&
            !asked.has(r.refundRequestId),
        )?.refundRequestId;
      } else {
        const action = nextRefundAction(refunds, now, this.#refundSchedule());
        if (action.type === "inquire" && action.at <= now) id = action.refundRequestId;
      }
      if (id === undefined || asked.has(id)) return;
      asked.add(id);
      if (this.#refundSends.has(id) || this.#refundInquiries.has(id)) continue;
      const refundRequestId = id;
      this.#refundInquiries.add(refundRequestId);
      try {
        const outcome = await outcomeOf(() => this.#client().inquiryRefund({ refundRequestId }));
        this.#storage.append("response", outcomeLogEntry("inquiryRefund", outcome));
        this.#applyRefund(
          "error" in outcome
            ? toRefundErrorEvent("inquiryRefund", refundRequestId, outcome.error, now)
            : toRefundInquiryEvent(refundRequestId, outcome.result, now),
        );
      } finally {
        this.#refundInquiries.delete(refundRequestId);
      }
    }
  }

  /** Makes sure the alarm runs at `at` at the latest. */
  async #armBy(at: number): Promise<void> {
    const armed = await this.ctx.storage.getAlarm();
    if (armed !== null && armed <= at) return;
    this.#storage.savePlannedAlarm(at);
    await this.ctx.storage.setAlarm(at);
  }

  /** The API's view of `stored`, with its refunds. */
  #viewOf(
    stored: StoredPayment,
    state: PaymentState = stored.state,
    refunds: RefundState = this.#loadRefunds(stored),
  ): PaymentView {
    return toPaymentView(stored.order, state, refunds);
  }

  #client() {
    return gatewayClient(loadConfig(this.env), (kind, data) => this.#storage.append(kind, data));
  }

  #currentView(): PaymentView {
    return this.#viewOf(this.#requireStored());
  }

  #requireStored(): StoredPayment {
    const stored = this.#storage.load();
    if (stored === null) throw new Error("payment object holds no payment");
    return stored;
  }

  /** Applies one event to the stored payment; true when it changed something. */
  #apply(event: PaymentEvent): boolean {
    const stored = this.#requireStored();
    return this.#applyTo(stored, event) !== stored;
  }

  /**
   * Applies one event to `stored` (the payment as just read); on a change stores the state, logs
   * the transition and tells the sockets. Returns the payment after the event (`stored` itself
   * when nothing changed).
   */
  #applyTo(stored: StoredPayment, event: PaymentEvent): StoredPayment {
    const next: PaymentState = transition(stored.state, event, this.#schedule());
    if (next.version === stored.state.version) return stored;
    this.#storage.saveState(next);
    this.#storage.append("transition", {
      event,
      from: stored.state.status,
      to: next.status,
      version: next.version,
    });
    // Bookkeeping (one more inquiry) bumps the version too; sockets hear only visible changes.
    if (this.ctx.getWebSockets().length > 0) {
      const before = this.#viewOf(stored);
      const after = this.#viewOf(stored, next);
      if (visiblePart(before) !== visiblePart(after)) broadcast(this.ctx, after);
    }
    return { order: stored.order, state: next };
  }

  async #sendPay(): Promise<void> {
    const run = async () => {
      const { order } = this.#requireStored();
      this.#feed("pay", await outcomeOf(() => this.#client().pay(order.payRequest)));
    };
    this.#payInFlight = run().finally(() => {
      this.#payInFlight = null;
    });
    await this.#payInFlight;
  }

  /** Performs the state machine's next action if it is due at `now`. */
  async #runDueAction(now: number = Date.now()): Promise<void> {
    const { state } = this.#requireStored();
    const action: PaymentAction = nextAction(state, now, this.#schedule());
    if (action.type === "none" || action.at > now) return;
    const ids = { paymentRequestId: state.paymentRequestId };
    switch (action.type) {
      case "retry_pay":
        if (this.#payInFlight === null) await this.#sendPay();
        return;
      case "inquire":
        this.#feed("inquiry", await outcomeOf(() => this.#client().inquiryPayment(ids)));
        return;
      case "cancel":
        this.#apply({ type: "cancel_sent", at: Date.now(), reason: action.reason });
        this.#feed("cancel", await outcomeOf(() => this.#client().cancel(ids)));
        return;
    }
  }

  /** Logs a call's final outcome and applies it as the state machine's event. */
  #feed(call: "pay" | "inquiry" | "cancel", outcome: CallOutcome<unknown>): void {
    const at = Date.now();
    this.#storage.append("response", outcomeLogEntry(call, outcome), at);
    const event = eventOf(call, outcome, at);
    this.#apply(event);
  }

  /**
   * Arms the alarm for the next action, refund inquiry or D1 write, whichever comes first, and
   * with `d1: "now"` brings D1 up to date first.
   *
   * D1 holds two projections of this object: the payment's row in the `payments` index with its
   * refunds' rows in `refunds`, behind while the version they last received (`indexedVersion`) is
   * not the view's (the payment's version plus the refunds'), and the review log
   * of kept notifications that changed nothing (`notifications`), behind while a
   * `notification_unapplied` entry has not been copied there. Those gaps are the outbox. With
   * `"later"` (the notification path) nothing waits for D1: the alarm is armed for
   * `D1_WRITE_DELAY_MS` later and writes them (an alarm with nothing else due only does that). A failed write is logged and retried by the alarm, 1 s after the first failure,
   * doubling up to every 60 s, until D1 answers; both writes are idempotent, so a repeated one is
   * harmless. Each step is skipped when it is already so: a change that needs nothing costs no
   * alarm write and no D1 round trip.
   */
  async #afterChange(
    stored: StoredPayment = this.#requireStored(),
    d1: "now" | "later" = "now",
    reviewOwed = d1 === "now",
    refunds: RefundState = this.#loadRefunds(stored),
  ): Promise<void> {
    const now = Date.now();
    const indexOwed = this.#storage.indexedVersion() !== viewVersion(stored.state, refunds);
    let d1DueAt: number | null = null;
    if (indexOwed || reviewOwed) {
      d1DueAt =
        d1 === "now"
          ? await this.#writeD1(stored, refunds, indexOwed, now)
          : now + D1_WRITE_DELAY_MS;
    }
    const action = nextAction(stored.state, now, this.#schedule());
    const refund = nextRefundAction(refunds, now, this.#refundSchedule());
    const times: number[] = [];
    if (action.type !== "none") times.push(action.at);
    if (refund.type !== "none") times.push(refund.at);
    if (d1DueAt !== null) times.push(d1DueAt);
    const at = times.length === 0 ? null : Math.min(...times);
    if (this.#storage.plannedAlarm() !== at) this.#storage.savePlannedAlarm(at);
    // The real alarm, not the planned one: an alarm that has just run is no longer set.
    if ((await this.ctx.storage.getAlarm()) !== at) {
      if (at === null) await this.ctx.storage.deleteAlarm();
      else await this.ctx.storage.setAlarm(at);
    }
  }

  /**
   * Writes what D1 is owed: the payment's index row (when `indexOwed`) and the review log's
   * unreported entries. Returns null once written, or, when D1 failed, when to try again (1 s,
   * doubling per consecutive failure, at most 60 s).
   */
  async #writeD1(
    stored: StoredPayment,
    refunds: RefundState,
    indexOwed: boolean,
    now: number,
  ): Promise<number | null> {
    try {
      if (indexOwed) {
        const view = this.#viewOf(stored, stored.state, refunds);
        await upsertPaymentIndex(this.env.DB, view, {
          referenceOrderId: stored.order.referenceOrderId,
          refundedValue: view.refunded.value,
        });
        if (refunds.refunds.length > 0) {
          await upsertRefundIndex(
            this.env.DB,
            view.paymentRequestId,
            view.storeId,
            refunds.refunds,
          );
        }
        this.#storage.saveIndexedVersion(view.version);
      }
      const unreported = this.#storage.unreportedUnapplied();
      const last = unreported.at(-1);
      if (last !== undefined) {
        await logUnappliedNotifications(this.env.DB, stored.state.paymentRequestId, unreported);
        this.#storage.saveReportedUnapplied(last.seq);
      }
    } catch (error) {
      this.#d1Failures += 1;
      const delay = Math.min(D1_RETRY_MAX_MS, 1000 * 2 ** (this.#d1Failures - 1));
      console.error(
        `payment ${stored.state.paymentRequestId}: the D1 index write failed (attempt ${this.#d1Failures}); retrying in ${delay} ms`,
        error,
      );
      return now + delay;
    }
    this.#d1Failures = 0;
    return null;
  }
}

/**
 * The event a notification's meaning feeds the state machine, or the reason it feeds none (it is
 * kept for review all the same).
 */
function meaningFor(
  meaning: NotificationMeaning,
  refunds: RefundState,
  at: number,
): {
  event: PaymentEvent | RefundResultEvent | null;
  reason: string | null;
  notifyType: string | null;
} {
  switch (meaning.kind) {
    case "payment":
      return {
        event: meaning.event === null ? null : { ...meaning.event, at },
        reason: meaning.reason,
        notifyType: "PAYMENT_RESULT",
      };
    case "refund": {
      const event = refundNoticeEvent(meaning.notice, refunds, at);
      return {
        event,
        reason: event === null ? "REFUND_UNKNOWN" : null,
        notifyType: "REFUND_RESULT",
      };
    }
    case "other":
      return { event: null, reason: meaning.reason, notifyType: meaning.notifyType };
  }
}
