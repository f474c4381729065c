import { Hono } from "hono";
import type { GatewayApi } from "../faults/fault-rule.ts";
import { GATEWAY_APIS } from "../faults/fault-rule.ts";
import type { SandboxEnv } from "../sandbox/sandbox-env.ts";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import { cancel } from "./cancel.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { inquiryPayment } from "./inquiry-payment.ts";
import { inquiryRefund } from "./inquiry-refund.ts";
import { pay } from "./pay.ts";
import { readCall } from "./read-call.ts";
import { refund } from "./refund.ts";
import { wireResult } from "./result-codes.ts";
import { sendAnswer } from "./send-answer.ts";

const OPERATIONS: Record<
  GatewayApi,
  (runtime: SandboxRuntime, call: GatewayCall) => Promise<GatewayAnswer>
> = {
  pay,
  inquiryPayment,
  cancel,
  refund,
  inquiryRefund,
};

/** Gateway paths: the live form and the provider sandbox's form. */
export const GATEWAY_PREFIXES = ["/ams/api/v1/payments", "/ams/sandbox/api/v1/payments"] as const;

function isApi(name: string): name is GatewayApi {
  return (GATEWAY_APIS as readonly string[]).includes(name);
}

/**
 * The five gateway operations at both path prefixes, plus `NO_INTERFACE_DEF` for any other `/ams/`
 * path. A `traffic-limit` fault turns a call away with U `REQUEST_TRAFFIC_EXCEED_LIMIT` before the
 * operation runs; the other gateway faults apply to the operation's answer.
 */
export function gatewayRoutes(runtime: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.all("/ams/*", async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname + url.search;
    const prefix = GATEWAY_PREFIXES.find((candidate) => url.pathname.startsWith(`${candidate}/`));
    const name = prefix === undefined ? "" : url.pathname.slice(prefix.length + 1);
    const api = isApi(name) ? name : null;
    const reading = await readCall(runtime.settings, c.req.raw, path);
    if (!reading.ok)
      return sendAnswer(
        runtime,
        { api, path, clientId: reading.clientId },
        resultOnly(reading.result),
      );
    if (api === null) {
      const answer = resultOnly(
        wireResult("NO_INTERFACE_DEF", `No API is defined at ${url.pathname}.`),
      );
      return sendAnswer(runtime, { api, path, clientId: reading.clientId }, answer);
    }
    const ids = reading.json as { paymentRequestId?: unknown; paymentId?: unknown };
    const target = {
      api,
      paymentRequestId: typeof ids.paymentRequestId === "string" ? ids.paymentRequestId : null,
      paymentId: typeof ids.paymentId === "string" ? ids.paymentId : null,
    };
    // Turned away before any work, as the provider's rate limit does: a retry is safe.
    if (runtime.faults.strike("traffic-limit", target) !== undefined) {
      const answer = resultOnly(wireResult("REQUEST_TRAFFIC_EXCEED_LIMIT"), target);
      return sendAnswer(runtime, { api, path, clientId: reading.clientId }, answer);
    }
    const call: GatewayCall = {
      api,
      clientId: reading.clientId,
      json: reading.json,
      baseUrl: runtime.settings.baseUrl ?? url.origin,
    };
    const answer = await OPERATIONS[api](runtime, call);
    if (answer.work !== undefined && answer.work !== null) c.env.defer(answer.work);
    return sendAnswer(runtime, { api, path, clientId: reading.clientId }, answer);
  });
  return app;
}
