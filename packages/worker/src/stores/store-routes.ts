import { Hono } from "hono/tiny";
import type { AppEnv } from "../http/app-env.ts";
import { storeFor } from "../merchant/store-for.ts";
import { toStoreView } from "./store-view.ts";

/** Public facts about a store, so that pages need not repeat the STORES variable. */
export const storeRoutes = new Hono<AppEnv>();

storeRoutes.get("/stores/:storeId", (c) => {
  const store = storeFor(c.var.config, c.req.param("storeId"), "public");
  // Short caching: a changed STORES reaches every page within a minute.
  return c.json(toStoreView(store), 200, { "cache-control": "public, max-age=60" });
});
