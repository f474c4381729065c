import * as v from "valibot";
import type { KnownFields } from "./known-fields.ts";
import { PaymentViewSchema } from "./payment-view.ts";

/**
 * A message of `GET /api/payments/:id/live`: the whole view, once when the socket opens and
 * after each visible change. The socket closes after a final status.
 */
export const LiveMessageSchema = v.variant("type", [
  v.looseObject({
    /** The only message type so far; a client ignores types it does not know. */
    type: v.literal("payment"),
    /** The payment as it stands now. */
    payment: PaymentViewSchema,
  }),
]);

/** A message of the live socket. */
export type LiveMessage = KnownFields<v.InferOutput<typeof LiveMessageSchema>>;
