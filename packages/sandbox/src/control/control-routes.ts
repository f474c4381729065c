import type { Context } from "hono";
import { Hono } from "hono";
import type { FaultRule } from "../faults/fault-rule.ts";
import { parseFaultRule } from "../faults/parse-fault-rule.ts";
import type { SandboxEnv } from "../sandbox/sandbox-env.ts";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";
import { paymentView } from "../state/payment-view.ts";
import {
  applyCustomerAction,
  type CustomerAction,
  closeIfExpired,
} from "../wallet/customer-actions.ts";
import { MAGIC_AMOUNTS } from "../wallet/magic-amounts.ts";

type Ctx = Context<SandboxEnv>;

function problem(c: Ctx, status: 400 | 404 | 409, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

async function jsonBody(c: Ctx): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function current(runtime: SandboxRuntime, c: Ctx, payment: PaymentRecord): PaymentRecord {
  const closed = closeIfExpired(runtime, payment);
  if (closed !== null) c.env.defer(closed);
  return payment;
}

/**
 * The sandbox's own JSON API: inspect payments and notifications, act as the customer, and set
 * faults. Errors are `{ "error": { "code", "message" } }` with a 4xx status.
 */
export function controlRoutes(
  runtime: SandboxRuntime,
  describe: () => Record<string, unknown>,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  const act = async (
    c: Ctx,
    payment: PaymentRecord | undefined,
    action: CustomerAction,
  ): Promise<Response> => {
    if (payment === undefined)
      return problem(c, 404, "PAYMENT_NOT_FOUND", "No payment has that id in this sandbox.");
    const body = await jsonBody(c);
    if (!body.ok) return problem(c, 400, "BAD_JSON", "The body is not valid JSON.");
    const requested = (body.value as { resultCode?: unknown } | null)?.resultCode;
    if (
      requested !== undefined &&
      (typeof requested !== "string" || !/^[A-Z][A-Z_]*$/.test(requested))
    ) {
      return problem(
        c,
        400,
        "BAD_RESULT_CODE",
        'resultCode must be a code in capitals, e.g. "USER_BALANCE_NOT_ENOUGH".',
      );
    }
    const outcome = applyCustomerAction(runtime, payment, action, requested);
    if (!outcome.ok) return problem(c, 409, outcome.code, outcome.message);
    if (outcome.notified !== null) c.env.defer(outcome.notified);
    return c.json({ payment: paymentView(outcome.payment) });
  };

  app.get("/sandbox", (c) => c.json(describe()));
  app.get("/sandbox/magic-amounts", (c) => c.json({ magicAmounts: MAGIC_AMOUNTS }));
  app.get("/sandbox/payments", (c) =>
    c.json({
      payments: runtime.store
        .payments()
        .map((payment) => paymentView(current(runtime, c, payment))),
    }),
  );
  app.get("/sandbox/payments/:id", (c) => {
    const payment = runtime.store.findPayment(c.req.param("id"));
    if (payment === undefined)
      return problem(c, 404, "PAYMENT_NOT_FOUND", "No payment has that id in this sandbox.");
    return c.json({ payment: paymentView(current(runtime, c, payment)) });
  });
  app.get("/sandbox/payments/:id/notifications", (c) => {
    const payment = runtime.store.findPayment(c.req.param("id"));
    if (payment === undefined)
      return problem(c, 404, "PAYMENT_NOT_FOUND", "No payment has that id in this sandbox.");
    return c.json({ notifications: runtime.notifier.list(payment.paymentId) });
  });
  app.post("/sandbox/payments/:id/:action{scan|pay|decline|expire}", (c) =>
    act(c, runtime.store.findPayment(c.req.param("id")), c.req.param("action") as CustomerAction),
  );
  app.post("/sandbox/payment-requests/:paymentRequestId/:action{scan|pay|decline|expire}", (c) => {
    const requestId = c.req.param("paymentRequestId");
    const clientId = c.req.query("clientId");
    const payment =
      clientId === undefined
        ? runtime.store.payments().find((candidate) => candidate.paymentRequestId === requestId)
        : runtime.store.paymentByRequestId(clientId, requestId);
    return act(c, payment, c.req.param("action") as CustomerAction);
  });
  app.get("/sandbox/notifications", (c) =>
    c.json({ notifications: runtime.notifier.list(c.req.query("paymentId")) }),
  );

  app.get("/sandbox/faults", (c) => c.json({ faults: runtime.faults.list() }));
  app.post("/sandbox/faults", async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return problem(c, 400, "BAD_JSON", "The body is not valid JSON.");
    const value = body.value as { faults?: unknown; seed?: unknown; replace?: unknown } | null;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return problem(
        c,
        400,
        "BAD_FAULT",
        'Send { "faults": [rules], "seed"?, "replace"? } or one rule.',
      );
    }
    // One rule may be sent on its own; otherwise "faults" holds the list (or is absent: reseed only).
    const list = "kind" in value ? [value] : value.faults === undefined ? [] : value.faults;
    if (!Array.isArray(list))
      return problem(c, 400, "BAD_FAULT", '"faults" must be a list of fault rules.');
    let rules: FaultRule[];
    try {
      rules = list.map((rule, index) => parseFaultRule(rule, index));
    } catch (error) {
      return problem(c, 400, "BAD_FAULT", error instanceof Error ? error.message : String(error));
    }
    if (value.seed !== undefined) {
      if (typeof value.seed !== "number" && typeof value.seed !== "string") {
        return problem(c, 400, "BAD_SEED", "seed must be a number or a string.");
      }
      runtime.faults.reseed(value.seed);
    }
    if (value.replace === true) runtime.faults.clear();
    const added = runtime.faults.add(rules);
    return c.json({ added, faults: runtime.faults.list() }, 201);
  });
  app.delete("/sandbox/faults", (c) => {
    runtime.faults.clear();
    return c.json({ faults: [] });
  });
  app.delete("/sandbox/faults/:id", (c) =>
    runtime.faults.remove(c.req.param("id"))
      ? c.json({ faults: runtime.faults.list() })
      : problem(c, 404, "FAULT_NOT_FOUND", "No fault has that id."),
  );
  return app;
}
