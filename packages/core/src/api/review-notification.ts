import * as v from "valibot";
import type { KnownFields } from "./known-fields.ts";
import { TIME_PATTERN } from "./wire-patterns.ts";

/**
 * A verified notification that changed no payment by itself, kept for review: one entry of
 * `GET /api/notifications?applied=false`. The provider signed it; `reason` says why nothing was
 * applied (`BODY_INVALID`, `RESULT_UNKNOWN`, `PAYMENT_UNKNOWN`, ...: core's `UnappliedReason`).
 */
export const ReviewNotificationSchema = v.looseObject({
  /** The entry's id in the review log (newest first; pages continue below it). */
  id: v.number(),
  /** When the Worker received it (ISO 8601 UTC). */
  receivedAt: v.pipe(v.string(), v.regex(TIME_PATTERN)),
  /** Its `notifyType`, when the body has one. */
  notifyType: v.nullable(v.string()),
  /** The payment it names, when it names one. */
  paymentRequestId: v.nullable(v.string()),
  /** Why it changed nothing. */
  reason: v.string(),
  /** Its `request-time` header, verbatim. */
  requestTime: v.string(),
  /** The body exactly as received. */
  body: v.string(),
});

/** A kept notification that changed no payment by itself. */
export type ReviewNotification = KnownFields<v.InferOutput<typeof ReviewNotificationSchema>>;

/** One page of `GET /api/notifications`, newest first. */
export const ReviewNotificationPageSchema = v.looseObject({
  notifications: v.array(ReviewNotificationSchema),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: v.nullable(v.string()),
});

/** One page of `GET /api/notifications`. */
export type ReviewNotificationPage = KnownFields<
  v.InferOutput<typeof ReviewNotificationPageSchema>
>;
