import { minorUnitDigits } from "@ams-edge/core";
import { Hono } from "hono/tiny";
import type { WorkerConfig } from "../config/load-config.ts";
import type { StoreConfig } from "../config/store-config.ts";
import type { AppEnv } from "../http/app-env.ts";
import { baseUrlOf } from "../http/base-url.ts";
import { parseInput } from "../http/parse-input.ts";
import { readJsonBody } from "../http/read-body.ts";
import { WorkerError } from "../http/worker-error.ts";
import { EntryPaymentBodySchema } from "../merchant/request-schemas.ts";
import { storeFor } from "../merchant/store-for.ts";
import { newPaymentRequestId } from "../payments/payment-request-id.ts";
import { startPayment } from "../payments/start-payment.ts";
import { toBase64Url } from "../util/base64url.ts";
import { entryCodeSvg } from "./entry-code-svg.ts";
import { payPageCsp, renderPayPage } from "./pay-page.ts";

type EntryStore = StoreConfig & { entryCode: { minValue: string; maxValue: string } };

function entryStore(config: WorkerConfig, storeId: string): EntryStore {
  const store = storeFor(config, storeId, "public");
  if (store.entryCode === undefined) {
    throw new WorkerError(
      "ENTRY_CODE_DISABLED",
      `store "${storeId}" takes no Entry Code payments (it has no "entryCode" in STORES)`,
    );
  }
  return { ...store, entryCode: store.entryCode };
}

/** The Entry Code: the printable code, the customer's page, and the public payment route. */
export const entryRoutes = new Hono<AppEnv>();

entryRoutes.get("/pay/:storeId", (c) => {
  const store = entryStore(c.var.config, c.req.param("storeId"));
  const nonce = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  return c.html(
    renderPayPage({ store, minorDigits: minorUnitDigits(store.currency), nonce }),
    200,
    {
      "content-security-policy": payPageCsp(nonce),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  );
});

entryRoutes.get("/api/stores/:storeId/entry-code.svg", (c) => {
  const store = entryStore(c.var.config, c.req.param("storeId"));
  const url = `${baseUrlOf(c.var.config, c.req.url)}/pay/${encodeURIComponent(store.id)}`;
  return c.body(entryCodeSvg(url), 200, {
    "content-type": "image/svg+xml",
    "cache-control": "public, max-age=300",
  });
});

entryRoutes.post("/api/entry/:storeId/payments", async (c) => {
  const { config } = c.var;
  const store = entryStore(config, c.req.param("storeId"));
  // One bucket per client address; without Cloudflare's header (local dev) all share one.
  const client = c.req.header("cf-connecting-ip") ?? "local";
  const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(client));
  const verdict = await limiter.take(config.entryRateLimit);
  if (!verdict.allowed) {
    throw new WorkerError(
      "RATE_LIMITED",
      `too many payments from this address; try again in ${verdict.retryAfterSeconds} s`,
      { headers: { "retry-after": String(verdict.retryAfterSeconds) } },
    );
  }
  const body = parseInput(EntryPaymentBodySchema, await readJsonBody(c.req.raw, 4096), "payment");
  if (body.amount.currency !== store.currency) {
    throw new WorkerError(
      "CURRENCY_NOT_ACCEPTED",
      `store "${store.id}" charges in ${store.currency}; got an amount in ${body.amount.currency}`,
    );
  }
  const value = BigInt(body.amount.value);
  const { minValue, maxValue } = store.entryCode;
  if (value < BigInt(minValue) || value > BigInt(maxValue)) {
    throw new WorkerError(
      "AMOUNT_OUT_OF_RANGE",
      `expected an amount from ${minValue} to ${maxValue} (minor units of ${store.currency}); got ${body.amount.value}`,
    );
  }
  const paymentRequestId = newPaymentRequestId("EntryCode");
  const { payment } = await startPayment(c.env, config, baseUrlOf(config, c.req.url), {
    paymentRequestId,
    fingerprint: paymentRequestId,
    store,
    amount: body.amount,
    description: `Payment at ${store.name}`,
    referenceOrderId: null,
    expiresInSeconds: config.paymentExpirySeconds,
    entry: { userAgent: c.req.header("user-agent") ?? "" },
  });
  return c.json(payment, 201);
});
