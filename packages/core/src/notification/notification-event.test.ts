import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { SEED_BODIES } from "../fixtures/seed-bodies.ts";
import { newPayment, payResult, T0 } from "../payment/fixtures/payment-events.ts";
import { transition } from "../payment/transition.ts";
import { NotificationSchema } from "../schemas/index.ts";
import { notificationMeaning } from "./notification-event.ts";

const AT = 1_768_478_400_000;

/** The meaning of a body that parses, as verifyNotification hands it on. */
const meaningOf = (body: unknown) =>
  notificationMeaning(
    { notification: v.parse(NotificationSchema, body), bodyProblem: null, json: body },
    AT,
  );

const paymentResult = {
  notifyType: "PAYMENT_RESULT",
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
  paymentRequestId: "test-order-1",
  paymentId: "test-payment-1",
  paymentAmount: { currency: "USD", value: "599" },
  paymentTime: "2026-01-15T12:03:00Z",
  somethingNew: { deeply: { nested: [1, 2, 3] } },
};

describe("notificationMeaning", () => {
  test("a PAYMENT_RESULT becomes the state machine's notification event", () => {
    expect(meaningOf(paymentResult)).toStrictEqual({
      kind: "payment",
      paymentRequestId: "test-order-1",
      reason: null,
      event: {
        type: "notification",
        at: AT,
        paymentRequestId: "test-order-1",
        paymentId: "test-payment-1",
        resultStatus: "S",
        resultCode: "SUCCESS",
        paymentAmount: { currency: "USD", value: "599" },
        paymentTime: "2026-01-15T12:03:00Z",
      },
    });
  });

  test("the provider's own failure notification, without an amount, fails the payment", () => {
    const seed = SEED_BODIES.find((b) => b.id === "000-payment-result-failure");
    const json: unknown = JSON.parse(seed?.body ?? "null");
    const meaning = notificationMeaning(
      { notification: v.parse(NotificationSchema, json), bodyProblem: null, json },
      AT,
    );
    expect(meaning).toStrictEqual({
      kind: "payment",
      paymentRequestId: "pay_test_1106_0002",
      reason: null,
      event: {
        type: "notification",
        at: AT,
        paymentRequestId: "pay_test_1106_0002",
        paymentId: "20200101234567890132",
        resultStatus: "F",
        resultCode: "USER_BALANCE_NOT_ENOUGH",
        paymentAmount: null,
        paymentTime: null,
      },
    });
    if (meaning.kind !== "payment" || meaning.event === null) throw new Error("no event");
    const open = transition(newPayment(), payResult(T0 + 300, "S"));
    const failed = transition(open, {
      ...meaning.event,
      at: T0 + 20_000,
      paymentRequestId: open.paymentRequestId,
      paymentId: open.paymentId,
    });
    expect([failed.status, failed.resultCode]).toStrictEqual(["failed", "USER_BALANCE_NOT_ENOUGH"]);
  });

  test("the event is plain data with no field of the body it does not model", () => {
    const meaning = meaningOf(paymentResult);
    expect(JSON.parse(JSON.stringify(meaning))).toStrictEqual(meaning);
    expect(JSON.stringify(meaning)).not.toContain("somethingNew");
  });

  test.each([
    [
      "a U result",
      { ...paymentResult, result: { resultCode: "PROCESSING", resultStatus: "U" } },
      "RESULT_UNKNOWN",
    ],
    [
      "a success without its amount",
      { ...paymentResult, paymentAmount: undefined },
      "AMOUNT_MISSING",
    ],
    [
      "an empty result code",
      { ...paymentResult, result: { resultCode: "", resultStatus: "S" } },
      "RESULT_CODE_MISSING",
    ],
  ])(
    "a PAYMENT_RESULT with %s names its payment, carries no event and says why",
    (_, body, reason) => {
      expect(meaningOf(body)).toStrictEqual({
        kind: "payment",
        paymentRequestId: "test-order-1",
        event: null,
        reason,
      });
    },
  );

  test("a PAYMENT_RESULT with an empty payment id carries no event and says why", () => {
    expect(meaningOf({ ...paymentResult, paymentRequestId: "" })).toStrictEqual({
      kind: "payment",
      paymentRequestId: "",
      event: null,
      reason: "PAYMENT_REQUEST_ID_MISSING",
    });
  });

  test("a REFUND_RESULT becomes a refund notice, its status from refundStatus first", () => {
    const body = {
      notifyType: "REFUND_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S" },
      refundStatus: "FAIL",
      refundRequestId: "test-order-1_r1",
      refundAmount: { currency: "USD", value: "100" },
    };
    expect(meaningOf(body)).toStrictEqual({
      kind: "refund",
      notice: {
        refundRequestId: "test-order-1_r1",
        status: "F",
        resultCode: "SUCCESS",
        refundAmount: { currency: "USD", value: "100" },
      },
    });
    const { refundStatus: _, refundAmount: __, ...bare } = body;
    expect(meaningOf(bare)).toStrictEqual({
      kind: "refund",
      notice: {
        refundRequestId: "test-order-1_r1",
        status: "S",
        resultCode: "SUCCESS",
        refundAmount: null,
      },
    });
  });

  test("a REFUND_RESULT without a refund id, and any other type, are other", () => {
    const refund = { notifyType: "REFUND_RESULT", result: { resultCode: "X", resultStatus: "F" } };
    expect(meaningOf(refund)).toStrictEqual({
      kind: "other",
      notifyType: "REFUND_RESULT",
      paymentRequestId: null,
      reason: "REFUND_ID_MISSING",
    });
    expect(meaningOf({ notifyType: "DISPUTE", paymentRequestId: "p-1" })).toStrictEqual({
      kind: "other",
      notifyType: "DISPUTE",
      paymentRequestId: "p-1",
      reason: "NOTIFY_TYPE_UNKNOWN",
    });
  });

  test("a body that did not parse is other, with its problem and the payment it names", () => {
    const json = { notifyType: "PAYMENT_RESULT", paymentRequestId: "p-1", result: null };
    expect(
      notificationMeaning(
        { notification: null, bodyProblem: { code: "BODY_INVALID", message: "x" }, json },
        AT,
      ),
    ).toStrictEqual({
      kind: "other",
      notifyType: "PAYMENT_RESULT",
      paymentRequestId: "p-1",
      reason: "BODY_INVALID",
    });
    expect(
      notificationMeaning(
        {
          notification: null,
          bodyProblem: { code: "BODY_NOT_JSON", message: "x" },
          json: undefined,
        },
        AT,
      ),
    ).toStrictEqual({
      kind: "other",
      notifyType: null,
      paymentRequestId: null,
      reason: "BODY_NOT_JSON",
    });
  });
});
