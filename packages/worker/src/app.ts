import { cors } from "hono/cors";
import { Hono } from "hono/tiny";
import { loadConfig } from "./config/load-config.ts";
import { entryRoutes } from "./entry/entry-routes.ts";
import type { AppEnv } from "./http/app-env.ts";
import { errorResponse } from "./http/json-error.ts";
import { WorkerError } from "./http/worker-error.ts";
import { merchantRoutes } from "./merchant/merchant-routes.ts";
import { notifyRoute } from "./notify/notify-route.ts";
import { reviewRoutes } from "./notify/review-routes.ts";
import { statusRoutes } from "./status/status-routes.ts";
import { storeRoutes } from "./stores/store-routes.ts";

/**
 * The Worker's routes. Configuration is checked on every request (cached per `env`), so a
 * misconfigured Worker answers CONFIG_INVALID naming the variable instead of failing later.
 */
export const app = new Hono<AppEnv>();

app.get("/api/health", (c) => c.json({ ok: true }));

app.use("*", async (c, next) => {
  c.set("config", loadConfig(c.env));
  await next();
});

app.use(
  "/api/*",
  cors({
    origin: (origin, c) => {
      const allowed = loadConfig(c.env as Env).corsOrigins;
      if (allowed.includes("*")) return origin === "" ? "*" : origin;
      return allowed.includes(origin) ? origin : null;
    },
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    exposeHeaders: ["Retry-After"],
    maxAge: 600,
  }),
);

app.route("/api", merchantRoutes);
app.route("/api", reviewRoutes);
app.route("/api", statusRoutes);
app.route("/api", storeRoutes);
app.route("/", notifyRoute);
app.route("/", entryRoutes);

app.notFound((c) =>
  errorResponse(
    new WorkerError("NOT_FOUND", "no such route; see packages/worker/README.md for the API"),
    c,
  ),
);
app.onError(errorResponse);
