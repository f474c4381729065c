import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { generateKeyPair } from "@ams-edge/sandbox";
import { startSandboxServer } from "@ams-edge/sandbox/node";
import { startBackend } from "../src/app.js";

/** @type {Awaited<ReturnType<typeof startSandboxServer>>} */
let sandbox;
/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend;

before(async () => {
  const merchant = await generateKeyPair();
  const provider = await generateKeyPair();
  sandbox = await startSandboxServer({
    merchants: [{ clientId: "EXAMPLE_SHOP", publicKey: merchant.publicKeyBase64 }],
    alipayPrivateKey: provider.privateKeyBase64,
  });
  backend = await startBackend({
    gateway: sandbox.url,
    clientId: "EXAMPLE_SHOP",
    merchantPrivateKey: merchant.privateKeyBase64,
    alipayPublicKey: provider.publicKeyBase64,
  });
});

after(async () => {
  await backend?.close();
  await sandbox?.close();
});

/** @param {string} id */
async function order(id) {
  const response = await fetch(`${backend.url}/orders/${id}`);
  assert.equal(response.status, 200);
  return response.json();
}

test("an Order Code payment: created, paid in the wallet, notified, verified, acknowledged", async () => {
  const created = await fetch(`${backend.url}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount: "599", currency: "USD", description: "Flat white" }),
  });
  assert.equal(created.status, 201);
  const placed = await created.json();
  assert.equal(placed.status, "awaiting_payment");
  const payment = sandbox.sandbox.payment(placed.paymentRequestId);
  assert.equal(placed.codeValue, payment?.walletUrl);

  // The customer pays in the sandbox's wallet (the page's Pay button posts here).
  const paid = await fetch(`${sandbox.url}/sandbox/payments/${placed.paymentRequestId}/pay`, {
    method: "POST",
  });
  assert.equal(paid.status, 200);
  await sandbox.sandbox.idle();

  // The sandbox posts JSON (`content-type: application/json`): acknowledged means the notify
  // route got the raw bytes, not express.json()'s parse of them.
  const [notification] = sandbox.sandbox.notifications(placed.paymentRequestId);
  assert.equal(notification?.notifyUrl, `${backend.url}/alipay/notify`);
  assert.deepEqual(
    notification?.attempts.map((a) => [a.outcome, a.httpStatus]),
    [["acknowledged", 200]],
  );
  const settled = await order(placed.paymentRequestId);
  assert.deepEqual([settled.status, settled.resultCode], ["paid", "SUCCESS"]);
});

test("a notification that the provider did not sign is refused and changes nothing", async () => {
  const created = await fetch(`${backend.url}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount: "1250", currency: "USD", description: "Two flat whites" }),
  });
  const placed = await created.json();
  const forged = await fetch(`${backend.url}/alipay/notify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "client-id": "EXAMPLE_SHOP",
      "request-time": new Date().toISOString(),
      signature: "algorithm=RSA256,keyVersion=1,signature=Zm9yZ2Vk",
    },
    body: JSON.stringify({
      notifyType: "PAYMENT_RESULT",
      paymentRequestId: placed.paymentRequestId,
      paymentId: "1",
      paymentAmount: { currency: "USD", value: "1250" },
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
    }),
  });
  assert.equal(forged.status, 401);
  assert.equal((await forged.json()).error, "SIGNATURE_INVALID");
  assert.equal((await order(placed.paymentRequestId)).status, "awaiting_payment");
});

test("a body another parser already read is refused with BODY_NOT_RAW, naming the raw body", async () => {
  const { verifyAlipayNotification } = await import("../src/verify-alipay-notification.js");
  // What express.json() leaves when it runs before the notify route: an object, not the bytes.
  const parsed = {
    method: "POST",
    url: "/alipay/notify",
    headers: { "client-id": "EXAMPLE_SHOP", "request-time": "1", signature: "x" },
    body: { notifyType: "PAYMENT_RESULT" },
    [Symbol.asyncIterator]: async function* () {},
  };
  await assert.rejects(
    verifyAlipayNotification(parsed, {
      alipayPublicKey: (await generateKeyPair()).publicKeyBase64,
      clientId: "EXAMPLE_SHOP",
    }),
    (error) => error.code === "BODY_NOT_RAW" && /raw/.test(error.message),
  );
});
