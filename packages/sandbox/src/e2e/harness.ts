import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type AmsClient,
  type AmsClientHooks,
  acknowledge,
  createAmsClient,
  type RetryOptions,
  type VerifiedNotification,
  verifyNotification,
} from "@ams-edge/core";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../fixtures/test-keys.ts";
import { type SandboxServer, type SandboxServerOptions, startSandboxServer } from "../node.ts";

/** The client id the test merchant uses. */
export const TEST_CLIENT_ID = "SANDBOX_TEST_MERCHANT";

/** What the test receiver does with a notification. */
export type ReceiverMode = "ack" | "nack" | "http-500";

/** A notification as the test receiver saw it. */
export interface Received {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The verified notification, or the verification error's code. */
  readonly verified: VerifiedNotification | { readonly error: string };
}

/** A merchant notification endpoint on 127.0.0.1 that verifies with core and acks on demand. */
export interface TestReceiver {
  readonly url: string;
  readonly received: Received[];
  /** How to answer the next notifications; a function decides per delivery (1-based count). */
  answer: ReceiverMode | ((count: number) => ReceiverMode);
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  return Buffer.concat(chunks);
}

/** Starts the receiver. */
export async function startReceiver(): Promise<TestReceiver> {
  const received: Received[] = [];
  const receiver: TestReceiver = {
    url: "",
    received,
    answer: "ack",
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const bytes = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers[name] = value;
      }
      let verified: Received["verified"];
      try {
        verified = await verifyNotification(
          { method: req.method ?? "POST", url: req.url ?? "/", headers, body: bytes },
          { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY },
        );
      } catch (error) {
        verified = { error: (error as { code?: string }).code ?? String(error) };
      }
      received.push({
        path: req.url ?? "/",
        headers,
        body: new TextDecoder().decode(bytes),
        verified,
      });
      const mode =
        typeof receiver.answer === "function" ? receiver.answer(received.length) : receiver.answer;
      if (mode === "http-500" || "error" in verified) {
        res.writeHead(mode === "http-500" ? 500 : 401).end("no");
        return;
      }
      if (mode === "nack") {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end('{"result":{"resultStatus":"F"}}');
        return;
      }
      const ack = acknowledge();
      res.writeHead(ack.status, { "content-type": "application/json" }).end(await ack.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/alipay/notify`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
  return receiver;
}

/** A sandbox on 127.0.0.1 with the test merchant registered, a receiver, and a client. */
export interface Stack {
  readonly server: SandboxServer;
  readonly receiver: TestReceiver;
  readonly client: AmsClient;
  close(): Promise<void>;
}

/** Starts a sandbox, a receiver and a client that talks to the sandbox over HTTP. */
export async function startStack(
  options: Partial<SandboxServerOptions> = {},
  clientOptions: {
    timeoutMs?: number;
    retry?: RetryOptions | false;
    privateKey?: string;
    hooks?: AmsClientHooks;
    fetch?: typeof fetch;
  } = {},
): Promise<Stack> {
  const receiver = await startReceiver();
  const server = await startSandboxServer({
    merchants: [{ clientId: TEST_CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
    alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
    ...options,
  });
  const client = createAmsClient({
    clientId: TEST_CLIENT_ID,
    privateKey: clientOptions.privateKey ?? TEST_MERCHANT_PRIVATE_KEY,
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    gateway: server.url,
    retry: clientOptions.retry ?? false,
    ...(clientOptions.timeoutMs === undefined ? {} : { timeoutMs: clientOptions.timeoutMs }),
    ...(clientOptions.hooks === undefined ? {} : { hooks: clientOptions.hooks }),
    ...(clientOptions.fetch === undefined ? {} : { fetch: clientOptions.fetch }),
  });
  return {
    server,
    receiver,
    client,
    async close() {
      await server.close();
      await receiver.close();
    },
  };
}

/** Order Code parameters for the test store, with a notify URL pointing at `receiver`. */
export function orderCode(paymentRequestId: string, value: string, notifyUrl: string) {
  return {
    paymentRequestId,
    paymentAmount: { currency: "USD", value },
    orderDescription: "Two flat whites",
    merchant: {
      referenceMerchantId: "M-TEST",
      merchantMCC: "5812",
      merchantName: "Test Café",
      store: { referenceStoreId: "S-1", storeName: "Test Café Main St", storeMCC: "5812" },
    },
    paymentNotifyUrl: notifyUrl,
  };
}
