import { AmsEdgeError } from "@ams-edge/core";
import type { PaymentView } from "@ams-edge/core/api";

/**
 * The wallet reported a success whose amount or currency differs from the order. The payment is
 * never shown as paid: a person has to check it (and usually cancel it, which returns the money).
 */
export class PaymentMismatchError extends AmsEdgeError<"PAYMENT_MISMATCH"> {
  /** The payment as the Worker flagged it. */
  declare readonly payment: PaymentView;

  constructor(payment: PaymentView) {
    super(
      "PAYMENT_MISMATCH",
      `Payment ${payment.paymentRequestId} was paid in another amount or currency than ordered, so it is NOT paid; cancel it to return the money.`,
    );
    this.name = "PaymentMismatchError";
    this.payment = payment;
  }
}
