import * as v from "valibot";

/**
 * The exact body that acknowledges a notification (HTTP 200, `Content-Type: application/json`).
 * It needs no signature. Send it only after the notification is durably stored.
 */
export const NOTIFICATION_ACK_BODY =
  '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

/** {@link NOTIFICATION_ACK_BODY} as an object. */
export const NOTIFICATION_ACK = {
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
} as const;

/** The acknowledgement, exactly: strict, every value fixed. */
export const NotificationAckSchema = v.strictObject({
  /** The fixed success result. */
  result: v.strictObject({
    /** Always `SUCCESS`. */
    resultCode: v.literal("SUCCESS"),
    /** Always `S`. */
    resultStatus: v.literal("S"),
    /** Always `success`. */
    resultMessage: v.literal("success"),
  }),
});

/** Input type of {@link NotificationAckSchema}. */
export type NotificationAckInput = v.InferInput<typeof NotificationAckSchema>;
/** Output type of {@link NotificationAckSchema}. */
export type NotificationAckOutput = v.InferOutput<typeof NotificationAckSchema>;
