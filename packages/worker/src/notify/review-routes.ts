import { Hono } from "hono/tiny";
import * as v from "valibot";
import { requireApiKey } from "../auth/api-key.ts";
import type { AppEnv } from "../http/app-env.ts";
import { parseInput } from "../http/parse-input.ts";
import { WorkerError } from "../http/worker-error.ts";
import { listReviewNotifications } from "./other-notification-log.ts";

const ReviewQuerySchema = v.object({
  applied: v.optional(
    v.picklist(
      ["false"],
      "only applied=false is listed here: what a notification applied is in its payment's event log (GET /api/payments/:id/events)",
    ),
  ),
  paymentRequestId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  cursor: v.optional(v.string()),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,3}$/, "expected a whole number"),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(200),
    ),
  ),
});

/**
 * `GET /api/notifications?applied=false` (merchant API key): the review log, newest first. Every
 * verified notification that changed no payment by itself is here with its reason and body: one
 * no payment took (an unknown payment, another `notifyType`, a body naming none), and one a
 * payment kept without applying it (copied from its event log after the acknowledgement).
 */
export const reviewRoutes = new Hono<AppEnv>();

reviewRoutes.get("/notifications", async (c) => {
  await requireApiKey(c.req.raw, c.var.config.apiKeyHashes);
  const query = parseInput(ReviewQuerySchema, c.req.query(), "query");
  let before: number | null = null;
  if (query.cursor !== undefined) {
    if (!/^[1-9][0-9]{0,15}$/.test(query.cursor)) {
      throw new WorkerError(
        "INVALID_CURSOR",
        "expected `cursor` to be a nextCursor value from a previous page, unchanged",
      );
    }
    before = Number(query.cursor);
  }
  return c.json(
    await listReviewNotifications(c.env.DB, {
      limit: query.limit ?? 50,
      before,
      paymentRequestId: query.paymentRequestId ?? null,
    }),
    200,
    { "cache-control": "no-store" },
  );
});
