/**
 * An Express backend that takes Order Code payments with `@ams-edge/core`:
 *
 * - `POST /orders` `{ "amount": "599", "currency": "USD", "description": "Flat white" }` creates
 *   the payment and answers 201 with the order and the code to show as a QR code;
 * - `GET /orders/:id` answers the order and its status (`awaiting_payment`, then `paid`);
 * - `POST /alipay/notify` receives the provider's notification: verifies it over the raw body,
 *   records it, and only then acknowledges it.
 */
import {
  acknowledge,
  createAmsClient,
  isNotificationError,
  isPaymentResultNotification,
} from "@ams-edge/core";
import express from "express";
import { createOrders } from "./orders.js";
import { verifyAlipayNotification } from "./verify-alipay-notification.js";

/**
 * @typedef {{
 *   gateway: string,
 *   clientId: string,
 *   merchantPrivateKey: string,
 *   alipayPublicKey: string,
 *   publicUrl: () => string,
 * }} AppConfig
 * `gateway`: the provider's region or base URL (the sandbox's URL locally); `publicUrl`: where
 * the provider reaches this backend.
 */

export const NOTIFY_PATH = "/alipay/notify";

/**
 * The Express app.
 *
 * @param {AppConfig} config
 */
export function createApp(config) {
  const client = createAmsClient({
    gateway: config.gateway,
    clientId: config.clientId,
    privateKey: config.merchantPrivateKey,
    alipayPublicKey: config.alipayPublicKey,
  });
  const orders = createOrders();
  const app = express();

  // The notify route takes the raw bytes, whatever the content type: the signature covers them.
  // It is registered before express.json(), which would otherwise parse the body first.
  app.post(
    NOTIFY_PATH,
    express.raw({ type: () => true, limit: "64kb" }),
    async (req, res, next) => {
      try {
        const verified = await verifyAlipayNotification(req, {
          alipayPublicKey: config.alipayPublicKey,
          clientId: config.clientId,
        });
        const notification = verified.notification;
        if (notification !== null && isPaymentResultNotification(notification)) {
          orders.settle(notification);
        }
        // Signed by the provider: acknowledged whatever it says, or it is resent for a day.
        const answer = acknowledge();
        res
          .status(answer.status)
          .type("application/json")
          .send(await answer.text());
      } catch (error) {
        if (!isNotificationError(error)) return next(error);
        res.status(error.httpStatus).json({ error: error.code, message: error.message });
      }
    },
  );

  app.use(express.json());

  app.post("/orders", async (req, res, next) => {
    try {
      const input = req.body ?? {};
      const paymentRequestId = `order-${crypto.randomUUID()}`;
      const amount = { currency: String(input.currency ?? "USD"), value: String(input.amount) };
      const description = String(input.description ?? "Order");
      const created = await client.createOrderCode({
        paymentRequestId,
        paymentAmount: amount,
        orderDescription: description,
        merchant: {
          referenceMerchantId: "M-EXAMPLE",
          merchantMCC: "5812",
          merchantName: "Example Cafe",
          store: { referenceStoreId: "S-1", storeName: "Example Cafe", storeMCC: "5812" },
        },
        paymentNotifyUrl: `${config.publicUrl()}${NOTIFY_PATH}`,
        paymentExpiryTime: new Date(Date.now() + 10 * 60_000),
      });
      if (!created.ok) {
        res.status(502).json({ error: created.resultCode, status: created.status });
        return;
      }
      const order = {
        paymentRequestId,
        amount,
        description,
        /** @type {const} */ status: "awaiting_payment",
        codeValue: created.data.orderCodeForm?.codeDetails[0]?.codeValue ?? null,
        resultCode: null,
        paidAt: null,
      };
      orders.add(order);
      res.status(201).json(order);
    } catch (error) {
      next(error);
    }
  });

  app.get("/orders/:id", (req, res) => {
    const order = orders.get(req.params.id);
    if (order === undefined) res.status(404).json({ error: "ORDER_NOT_FOUND" });
    else res.json(order);
  });

  return { app, orders };
}

/**
 * Starts the app on 127.0.0.1 (`port` 0: a free one) and resolves once it listens.
 *
 * @param {Omit<AppConfig, "publicUrl"> & { port?: number, publicUrl?: string }} config
 */
export async function startBackend(config) {
  let url = "";
  const { app, orders } = createApp({
    ...config,
    publicUrl: () => config.publicUrl ?? url,
  });
  /** @type {import("node:http").Server} */
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port ?? 0, "127.0.0.1", (error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    orders,
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
