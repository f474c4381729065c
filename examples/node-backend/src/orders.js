/**
 * The orders this backend took, in memory. A real backend keeps them in its database and writes
 * the notification there before acknowledging it.
 *
 * @typedef {{ currency: string, value: string }} Amount
 * @typedef {{
 *   paymentRequestId: string,
 *   amount: Amount,
 *   description: string,
 *   status: "awaiting_payment" | "paid" | "failed" | "amount_mismatch",
 *   codeValue: string | null,
 *   resultCode: string | null,
 *   paidAt: string | null,
 * }} Order
 */

/** Creates the order book. */
export function createOrders() {
  /** @type {Map<string, Order>} */
  const orders = new Map();
  return {
    /** @param {Order} order */
    add(order) {
      orders.set(order.paymentRequestId, order);
    },
    /** @param {string} paymentRequestId */
    get(paymentRequestId) {
      return orders.get(paymentRequestId);
    },
    /**
     * Applies a verified PAYMENT_RESULT: paid only when the provider says S for the amount
     * ordered (another amount is flagged, never marked paid). Returns false for an unknown order.
     *
     * @param {{ paymentRequestId: string, result: { resultStatus: string, resultCode: string }, paymentAmount?: Amount, paymentTime?: string }} notification
     */
    settle(notification) {
      const order = orders.get(notification.paymentRequestId);
      if (order === undefined) return false;
      // A final state does not move again: a resent notification changes nothing.
      if (order.status !== "awaiting_payment") return true;
      const { resultStatus, resultCode } = notification.result;
      const amount = notification.paymentAmount;
      const sameAmount =
        amount === undefined ||
        (amount.currency === order.amount.currency && amount.value === order.amount.value);
      if (resultStatus === "S") {
        order.status = sameAmount ? "paid" : "amount_mismatch";
        order.paidAt = notification.paymentTime ?? null;
      } else if (resultStatus === "F") {
        order.status = "failed";
      }
      order.resultCode = resultCode;
      return true;
    },
  };
}
