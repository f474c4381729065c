import { createMiddleware } from "hono/factory";
import { Hono } from "hono/tiny";
import { requireApiKey } from "../auth/api-key.ts";
import type { AppEnv } from "../http/app-env.ts";
import { baseUrlOf } from "../http/base-url.ts";
import { parseInput } from "../http/parse-input.ts";
import { readJsonBody } from "../http/read-body.ts";
import { WorkerError } from "../http/worker-error.ts";
import {
  exportPaymentsCsv,
  listPayments,
  type PaymentListFilter,
} from "../payment-index/payment-index.ts";
import {
  exportRefundsCsv,
  listRefunds,
  type RefundListFilter,
} from "../payment-index/refund-index.ts";
import {
  fingerprint,
  newPaymentRequestId,
  paymentRequestIdForKey,
} from "../payments/payment-request-id.ts";
import { paymentObject, unwrap } from "../payments/payment-stub.ts";
import { refundRequestIdForKey } from "../payments/refund-request-id.ts";
import { startPayment } from "../payments/start-payment.ts";
import {
  CreatePaymentBodySchema,
  ListQuerySchema,
  RefundBodySchema,
  RefundListQuerySchema,
} from "./request-schemas.ts";
import { storeFor } from "./store-for.ts";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * The merchant API: every route needs `Authorization: Bearer <API key>`. Mount it before the
 * status routes: `/payments/export.csv` would otherwise read as a payment id.
 */
export const merchantRoutes = new Hono<AppEnv>();

const merchantOnly = createMiddleware<AppEnv>(async (c, next) => {
  await requireApiKey(c.req.raw, c.var.config.apiKeyHashes);
  await next();
});

merchantRoutes.post("/payments", merchantOnly, async (c) => {
  const { config } = c.var;
  const body = parseInput(
    CreatePaymentBodySchema,
    await readJsonBody(c.req.raw, MAX_BODY_BYTES),
    "payment",
  );
  const store = storeFor(config, body.storeId, "merchant");
  if (body.amount.currency !== store.currency) {
    throw new WorkerError(
      "CURRENCY_NOT_ACCEPTED",
      `store "${store.id}" charges in ${store.currency}; got an amount in ${body.amount.currency}`,
    );
  }
  if (
    store.maxOrderValue !== undefined &&
    BigInt(body.amount.value) > BigInt(store.maxOrderValue)
  ) {
    throw new WorkerError(
      "AMOUNT_OUT_OF_RANGE",
      `store "${store.id}" accepts at most ${store.maxOrderValue} (minor units); got ${body.amount.value}`,
    );
  }
  const expiresInSeconds = body.expiresInSeconds ?? config.paymentExpirySeconds;
  const referenceOrderId = body.referenceOrderId ?? null;
  const idempotencyKey = c.req.header("idempotency-key");
  const paymentRequestId =
    idempotencyKey === undefined
      ? newPaymentRequestId("OrderCode")
      : await paymentRequestIdForKey(idempotencyKey);
  const { created, payment } = await startPayment(c.env, config, baseUrlOf(config, c.req.url), {
    paymentRequestId,
    fingerprint: await fingerprint([
      body.amount,
      body.description,
      store.id,
      body.expiresInSeconds ?? null,
      referenceOrderId,
    ]),
    store,
    amount: body.amount,
    description: body.description,
    referenceOrderId,
    expiresInSeconds,
  });
  return c.json(payment, created ? 201 : 200);
});

function filterOf(query: {
  storeId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  attention?: boolean | undefined;
}): PaymentListFilter {
  return {
    ...(query.storeId === undefined ? {} : { storeId: query.storeId }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.attention === undefined ? {} : { attention: query.attention }),
  };
}

merchantRoutes.get("/payments", merchantOnly, async (c) => {
  const query = parseInput(ListQuerySchema, c.req.query(), "query");
  const page = await listPayments(
    c.env.DB,
    filterOf(query),
    query.cursor ?? null,
    query.limit ?? 50,
  );
  return c.json(page);
});

merchantRoutes.get("/payments/export.csv", merchantOnly, async (c) => {
  const query = parseInput(ListQuerySchema, c.req.query(), "query");
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return new Response(exportPaymentsCsv(c.env.DB, filterOf(query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="payments-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});

merchantRoutes.post("/payments/:id/cancel", merchantOnly, async (c) => {
  const view = unwrap(await paymentObject(c.env, c.req.param("id")).cancel());
  return c.json(view);
});

// One more inquiry now, also for a payment whose follow-up stopped (flagged for attention): a
// clear answer lifts the flag, an unclear one keeps it.
merchantRoutes.post("/payments/:id/inquire", merchantOnly, async (c) => {
  const view = unwrap(await paymentObject(c.env, c.req.param("id")).inquire());
  return c.json(view);
});

// Idempotency as Stripe has it: a key is required, bound to its request (payment, amount,
// currency, reason) by the refund id it derives, and a retry answers with the refund (200)
// instead of refunding again. A refused request records nothing, so its key stays free.
merchantRoutes.post("/payments/:id/refunds", merchantOnly, async (c) => {
  const { config } = c.var;
  const paymentRequestId = c.req.param("id");
  const body = parseInput(
    RefundBodySchema,
    await readJsonBody(c.req.raw, MAX_BODY_BYTES),
    "refund",
  );
  const stub = paymentObject(c.env, paymentRequestId);
  const refundRequestId = await refundRequestIdForKey(
    paymentRequestId,
    c.req.header("idempotency-key"),
  );
  const { created, view } = unwrap(
    await stub.refund({
      refundRequestId,
      amount: body.amount,
      reason: body.reason ?? null,
      notifyUrl: `${baseUrlOf(config, c.req.url)}/alipay/notify`,
    }),
  );
  // A replay gets the first answer again, status and body, marked as such (the refund as it
  // stands now is in GET /api/refunds and in the payment's view).
  return c.json(view, 201, created ? {} : { "idempotent-replayed": "true" });
});

function refundFilterOf(query: {
  storeId?: string | undefined;
  status?: string | undefined;
  paymentRequestId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): RefundListFilter {
  return {
    ...(query.storeId === undefined ? {} : { storeId: query.storeId }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.paymentRequestId === undefined ? {} : { paymentRequestId: query.paymentRequestId }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
}

merchantRoutes.get("/refunds", merchantOnly, async (c) => {
  const query = parseInput(RefundListQuerySchema, c.req.query(), "query");
  const page = await listRefunds(
    c.env.DB,
    refundFilterOf(query),
    query.cursor ?? null,
    query.limit ?? 50,
  );
  return c.json(page);
});

merchantRoutes.get("/refunds/export.csv", merchantOnly, async (c) => {
  const query = parseInput(RefundListQuerySchema, c.req.query(), "query");
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return new Response(exportRefundsCsv(c.env.DB, refundFilterOf(query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="refunds-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});

merchantRoutes.get("/payments/:id/events", merchantOnly, async (c) => {
  const log = await paymentObject(c.env, c.req.param("id")).eventLog();
  if (log === "[]") throw new WorkerError("PAYMENT_NOT_FOUND", "no such payment");
  return c.body(`{"events":${log}}`, 200, {
    "content-type": "application/json",
    "cache-control": "no-store",
  });
});
