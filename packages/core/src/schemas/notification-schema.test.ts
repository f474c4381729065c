import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  NOTIFICATION_ACK,
  NOTIFICATION_ACK_BODY,
  NotificationAckSchema,
} from "./notification-ack.ts";
import {
  isPaymentResultNotification,
  isRefundResultNotification,
  NotificationSchema,
} from "./notification-schema.ts";

const RESULT = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };

describe("NotificationSchema", () => {
  it("parses PAYMENT_RESULT into its member", () => {
    const body = {
      notifyType: "PAYMENT_RESULT",
      result: RESULT,
      paymentRequestId: "p1",
      paymentId: "a1",
    };
    const parsed = v.parse(NotificationSchema, body);
    expect(parsed).toStrictEqual(body);
    expect(isPaymentResultNotification(parsed) && parsed.paymentRequestId).toBe("p1");
    expect(isRefundResultNotification(parsed)).toBe(false);
  });

  it("keeps any other notifyType, with its fields, as the other member", () => {
    const body = { notifyType: "CAPTURE_RESULT", captureId: "c1", result: RESULT };
    expect(v.parse(NotificationSchema, body)).toStrictEqual(body);
    expect(v.parse(NotificationSchema, { notifyType: "DISPUTE" })).toStrictEqual({
      notifyType: "DISPUTE",
    });
  });

  it("never lets a malformed PAYMENT_RESULT fall through to the other member", () => {
    const issues = v.safeParse(NotificationSchema, {
      notifyType: "PAYMENT_RESULT",
      result: RESULT,
    }).issues;
    expect(issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      ["paymentRequestId", 'Invalid key: Expected "paymentRequestId" but received undefined'],
    ]);
    expect(
      v.is(NotificationSchema, { notifyType: "REFUND_RESULT", result: { resultCode: "X" } }),
    ).toBe(false);
  });

  it("refuses a body without a string notifyType", () => {
    expect(v.is(NotificationSchema, { result: RESULT })).toBe(false);
    expect(v.is(NotificationSchema, { notifyType: 1 })).toBe(false);
    expect(v.is(NotificationSchema, [])).toBe(false);
  });
});

describe("notification acknowledgement", () => {
  it("is the exact body the provider expects", () => {
    expect(NOTIFICATION_ACK_BODY).toBe(
      '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}',
    );
    expect(JSON.stringify(NOTIFICATION_ACK)).toBe(NOTIFICATION_ACK_BODY);
    expect(v.parse(NotificationAckSchema, JSON.parse(NOTIFICATION_ACK_BODY))).toStrictEqual(
      NOTIFICATION_ACK,
    );
  });

  it("accepts nothing else", () => {
    expect(
      v.is(NotificationAckSchema, {
        result: { ...NOTIFICATION_ACK.result, resultMessage: "Success" },
      }),
    ).toBe(false);
    expect(v.is(NotificationAckSchema, { result: NOTIFICATION_ACK.result, extra: 1 })).toBe(false);
  });
});
