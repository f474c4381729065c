import { describe, expectTypeOf, it } from "vitest";
import type { PaymentStatus as StateMachineStatus } from "../payment/payment-state.ts";
import type {
  AmountView,
  ErrorBody,
  LiveMessage,
  PaymentStatus,
  PaymentView,
  RefundView,
  WorkerErrorCode,
} from "./index.ts";

describe("contract types", () => {
  it("the state machine's status is the contract's", () => {
    expectTypeOf<StateMachineStatus>().toEqualTypeOf<PaymentStatus>();
    expectTypeOf<PaymentView["status"]>().toEqualTypeOf<PaymentStatus>();
  });

  it("names the known fields only (no index signature), refunds optional", () => {
    expectTypeOf<keyof AmountView>().toEqualTypeOf<"currency" | "value">();
    expectTypeOf<keyof RefundView>().toEqualTypeOf<
      "refundRequestId" | "status" | "amount" | "reason" | "resultCode" | "createdAt" | "updatedAt"
    >();
    expectTypeOf<RefundView["reason"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<PaymentView["refunds"]>().toEqualTypeOf<RefundView[] | undefined>();
    expectTypeOf<PaymentView["code"]>().toEqualTypeOf<{
      value: string;
      type: "QRCODE" | "BARCODE";
      expiresAt: string;
    } | null>();
    expectTypeOf<{ currency: string; value: string }>().toExtend<AmountView>();
  });

  it("types live messages and error bodies", () => {
    expectTypeOf<LiveMessage>().toEqualTypeOf<{ type: "payment"; payment: PaymentView }>();
    expectTypeOf<ErrorBody["error"]["code"]>().toEqualTypeOf<WorkerErrorCode>();
  });
});
