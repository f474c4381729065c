/**
 * A plain `node:http` backend that takes Order Code payments with `@ams-edge/core`:
 *
 * - `POST /orders` `{ "amount": "599", "currency": "USD", "description": "Flat white" }` creates
 *   the payment and answers 201 with the order and the code to show as a QR code;
 * - `GET /orders/:id` answers the order and its status (`awaiting_payment`, then `paid`);
 * - `POST /alipay/notify` receives the provider's notification: verifies it over the raw body,
 *   records it, and only then acknowledges it.
 */
import { createServer } from "node:http";
import {
  acknowledge,
  createAmsClient,
  isNotificationError,
  isPaymentResultNotification,
} from "@ams-edge/core";
import { createOrders } from "./orders.js";
import { verifyAlipayNotification } from "./verify-alipay-notification.js";

/**
 * @typedef {{
 *   gateway: string,
 *   clientId: string,
 *   merchantPrivateKey: string,
 *   alipayPublicKey: string,
 *   publicUrl?: string,
 * }} BackendConfig
 * `gateway`: the provider's region or base URL (the sandbox's URL locally); `publicUrl`: where
 * the provider reaches this backend (default: the address it listens on).
 */

const NOTIFY_PATH = "/alipay/notify";
const MAX_BODY_BYTES = 64 * 1024;

/** @param {import("node:http").IncomingMessage} req */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Starts the backend on 127.0.0.1 (`port` 0: a free one) and resolves once it listens.
 *
 * @param {BackendConfig & { port?: number }} config
 */
export async function startBackend(config) {
  const client = createAmsClient({
    gateway: config.gateway,
    clientId: config.clientId,
    privateKey: config.merchantPrivateKey,
    alipayPublicKey: config.alipayPublicKey,
  });
  const orders = createOrders();
  let publicUrl = config.publicUrl ?? "";

  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} */
  const handle = async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://backend");
    if (req.method === "POST" && pathname === NOTIFY_PATH) {
      /** @type {Response} */
      let answer;
      try {
        const verified = await verifyAlipayNotification(req, await readBody(req), {
          alipayPublicKey: config.alipayPublicKey,
          clientId: config.clientId,
        });
        const notification = verified.notification;
        if (notification !== null && isPaymentResultNotification(notification)) {
          orders.settle(notification);
        }
        // Signed by the provider: acknowledged whatever it says, or it is resent for a day.
        answer = acknowledge();
      } catch (error) {
        if (!isNotificationError(error)) throw error;
        answer = new Response(JSON.stringify({ error: error.code, message: error.message }), {
          status: error.httpStatus,
        });
      }
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(await answer.text());
      return;
    }
    if (req.method === "POST" && pathname === "/orders") {
      const input = JSON.parse((await readBody(req)).toString("utf8") || "{}");
      const paymentRequestId = `order-${crypto.randomUUID()}`;
      const amount = { currency: String(input.currency ?? "USD"), value: String(input.amount) };
      const created = await client.createOrderCode({
        paymentRequestId,
        paymentAmount: amount,
        orderDescription: String(input.description ?? "Order"),
        merchant: {
          referenceMerchantId: "M-EXAMPLE",
          merchantMCC: "5812",
          merchantName: "Example Cafe",
          store: { referenceStoreId: "S-1", storeName: "Example Cafe", storeMCC: "5812" },
        },
        paymentNotifyUrl: `${publicUrl}${NOTIFY_PATH}`,
        paymentExpiryTime: new Date(Date.now() + 10 * 60_000),
      });
      if (!created.ok) {
        sendJson(res, 502, { error: created.resultCode, status: created.status });
        return;
      }
      const order = {
        paymentRequestId,
        amount,
        description: String(input.description ?? "Order"),
        /** @type {const} */ status: "awaiting_payment",
        codeValue: created.data.orderCodeForm?.codeDetails[0]?.codeValue ?? null,
        resultCode: null,
        paidAt: null,
      };
      orders.add(order);
      sendJson(res, 201, order);
      return;
    }
    const match = /^\/orders\/([^/]+)$/.exec(pathname);
    if (req.method === "GET" && match !== null) {
      const order = orders.get(decodeURIComponent(match[1] ?? ""));
      if (order === undefined) sendJson(res, 404, { error: "ORDER_NOT_FOUND" });
      else sendJson(res, 200, order);
      return;
    }
    sendJson(res, 404, { error: "NOT_FOUND" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((/** @type {any} */ error) => {
      if (!res.headersSent) sendJson(res, error?.status ?? 500, { error: String(error?.message) });
      else res.destroy();
    });
  });
  await new Promise((resolve) =>
    server.listen(config.port ?? 0, "127.0.0.1", () => resolve(undefined)),
  );
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const url = `http://127.0.0.1:${address.port}`;
  if (publicUrl === "") publicUrl = url;
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
