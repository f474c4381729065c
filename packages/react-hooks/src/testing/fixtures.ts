import type { PaymentView } from "@ams-edge/core/api";
import { renderQr } from "../qr/render-qr.ts";
import type { OrderCodeAwaitingState } from "../stores/create-order-code-store.ts";

/** An Order Code payment waiting for the scan, as the Worker reports it. */
export const payment: PaymentView = {
  paymentRequestId: "prq_test_0001",
  paymentId: "pay_test_1",
  scenario: "OrderCode",
  status: "awaiting_payment",
  amount: { currency: "USD", value: "599" },
  description: "Latte",
  storeId: "store-test",
  code: { value: "https://qr.test/p/1", type: "QRCODE", expiresAt: "2026-03-01T09:02:00.000Z" },
  redirectUrl: null,
  resultCode: null,
  refunded: { currency: "USD", value: "0" },
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-01T09:00:00.000Z",
  expiresAt: "2026-03-01T09:02:00.000Z",
  version: 1,
};

/** The state a POS screen renders for {@link payment}, 75 s before expiry. */
export const awaiting: OrderCodeAwaitingState = {
  status: "awaiting_scan",
  paymentRequestId: payment.paymentRequestId,
  payment,
  code: payment.code,
  redirectUrl: null,
  expiresAt: "2026-03-01T09:02:00.000Z",
  secondsLeft: 75,
  connection: "live",
  qr: renderQr("https://qr.test/p/1"),
};
