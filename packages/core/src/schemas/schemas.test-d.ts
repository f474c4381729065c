import { describe, expectTypeOf, it } from "vitest";
import {
  isPaymentResultNotification,
  type NotificationOutput,
  type PaymentResultNotificationOutput,
} from "./notification-schema.ts";
import { orderCodePayment } from "./order-code-payment.ts";
import type {
  EntryCodePayRequestInput,
  OrderCodePayRequestInput,
  PayRequestInput,
} from "./pay-request-schema.ts";
import type { PayResponseOutput } from "./pay-response-schema.ts";

describe("public schema types", () => {
  it("PayRequestInput is the union of the two scenarios", () => {
    expectTypeOf<PayRequestInput>().toEqualTypeOf<
      OrderCodePayRequestInput | EntryCodePayRequestInput
    >();
    expectTypeOf<
      OrderCodePayRequestInput["paymentFactor"]["inStorePaymentScenario"]
    >().toEqualTypeOf<"OrderCode">();
    expectTypeOf<EntryCodePayRequestInput["order"]["env"]["userAgent"]>().toEqualTypeOf<string>();
  });

  it("orderCodePayment returns an Order Code request", () => {
    expectTypeOf(orderCodePayment).returns.toEqualTypeOf<OrderCodePayRequestInput>();
  });

  it("narrows a notification on notifyType", () => {
    expectTypeOf<
      Extract<NotificationOutput, { notifyType: "PAYMENT_RESULT" }>
    >().toEqualTypeOf<PaymentResultNotificationOutput>();
    expectTypeOf<PaymentResultNotificationOutput["paymentRequestId"]>().toEqualTypeOf<string>();
  });

  it("narrows with the guard", () => {
    const narrow = (n: NotificationOutput) => (isPaymentResultNotification(n) ? n : null);
    expectTypeOf(narrow).returns.toEqualTypeOf<PaymentResultNotificationOutput | null>();
  });

  it("keeps wire scalars as strings", () => {
    expectTypeOf<
      NonNullable<PayResponseOutput["paymentAmount"]>["value"]
    >().toEqualTypeOf<string>();
    expectTypeOf<
      NonNullable<PayResponseOutput["orderCodeForm"]>["codeDetails"][number]["displayType"]
    >().toEqualTypeOf<"TEXT" | "SMALLIMAGE" | "MIDDLEIMAGE" | "BIGIMAGE" | "IMAGE">();
  });
});
