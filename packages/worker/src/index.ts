/**
 * The ams-edge Worker: merchant payments API, the provider's notification receiver, one Durable
 * Object per payment, and the Entry Code page. Configuration: packages/worker/README.md.
 */
import { app } from "./app.ts";

export { PaymentObject } from "./payment-object/payment-object.ts";
export { RateLimiterObject } from "./rate-limit/rate-limiter-object.ts";

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
