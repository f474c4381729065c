import { Hono } from "hono";
import type { SandboxEnv } from "../sandbox/sandbox-env.ts";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import { applyCustomerAction, closeIfExpired } from "./customer-actions.ts";
import { walletPage } from "./wallet-page.ts";

const DECLINE_CODES = new Set(["USER_BALANCE_NOT_ENOUGH", "RISK_REJECT", "PROCESS_FAIL"]);

/**
 * The customer's side in a browser: `GET /wallet/:paymentId` (opening it counts as scanning the
 * code, unless `?scan=false`) and the form posts `POST /wallet/:paymentId/pay|decline`, which
 * redirect back to the page.
 */
export function walletRoutes(runtime: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get("/wallet/:paymentId", (c) => {
    const payment = runtime.store.paymentById(c.req.param("paymentId"));
    if (payment === undefined) return c.text("No such payment in this sandbox.", 404);
    const closed = closeIfExpired(runtime, payment);
    if (closed !== null) c.env.defer(closed);
    if (c.req.query("scan") !== "false" && payment.status === "PENDING") {
      applyCustomerAction(runtime, payment, "scan");
    }
    c.header("cache-control", "no-store");
    return c.html(walletPage(payment));
  });
  app.post("/wallet/:paymentId/:action{pay|decline}", async (c) => {
    const id = c.req.param("paymentId");
    const payment = runtime.store.paymentById(id);
    if (payment === undefined) return c.text("No such payment in this sandbox.", 404);
    const form = await c.req.parseBody();
    const requested =
      typeof form.resultCode === "string" ? form.resultCode : "USER_BALANCE_NOT_ENOUGH";
    const code = DECLINE_CODES.has(requested) ? requested : "USER_BALANCE_NOT_ENOUGH";
    const action = c.req.param("action") === "pay" ? "pay" : "decline";
    const outcome = applyCustomerAction(runtime, payment, action, code);
    if (outcome.ok && outcome.notified !== null) c.env.defer(outcome.notified);
    return c.redirect(`../${encodeURIComponent(id)}?scan=false`, 303);
  });
  return app;
}
