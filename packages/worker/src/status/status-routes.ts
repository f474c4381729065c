import { Hono } from "hono/tiny";
import { bearerToken, matchesApiKeyHash } from "../auth/api-key.ts";
import { verifyStatusToken } from "../auth/status-token.ts";
import type { AppEnv } from "../http/app-env.ts";
import { WorkerError } from "../http/worker-error.ts";
import { paymentObject } from "../payments/payment-stub.ts";

/**
 * Reading one payment: with its status token (`Authorization: Bearer <token>` or `?token=`), or
 * with a merchant API key.
 */
export const statusRoutes = new Hono<AppEnv>();

async function authorize(
  request: Request,
  paymentRequestId: string,
  config: AppEnv["Variables"]["config"],
): Promise<void> {
  const bearer = bearerToken(request);
  const presented = bearer ?? new URL(request.url).searchParams.get("token");
  if (presented === null) {
    throw new WorkerError(
      "STATUS_TOKEN_INVALID",
      "expected the payment's status token as `Authorization: Bearer <token>` or `?token=<token>`",
    );
  }
  if (await verifyStatusToken(config.statusTokenSecret, paymentRequestId, presented)) return;
  // A merchant key is accepted too, but only from the header: keys do not belong in URLs.
  if (bearer !== null && (await matchesApiKeyHash(bearer, config.apiKeyHashes))) return;
  throw new WorkerError(
    "STATUS_TOKEN_INVALID",
    "the token is not this payment's status token (each payment has its own, returned when it was created)",
  );
}

statusRoutes.get("/payments/:id", async (c) => {
  const id = c.req.param("id");
  await authorize(c.req.raw, id, c.var.config);
  const view = await paymentObject(c.env, id).view();
  if (view === null) throw new WorkerError("PAYMENT_NOT_FOUND", `no payment "${id}"`);
  return c.json(view, 200, { "cache-control": "no-store" });
});

statusRoutes.get("/payments/:id/live", async (c) => {
  const id = c.req.param("id");
  await authorize(c.req.raw, id, c.var.config);
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new WorkerError("INVALID_REQUEST", "expected a WebSocket upgrade (`Upgrade: websocket`)");
  }
  return paymentObject(c.env, id).fetch(c.req.raw);
});
