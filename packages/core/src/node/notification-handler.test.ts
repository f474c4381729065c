import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
} from "../client/fixtures/fake-gateway.ts";
import type { VerifiedNotification } from "../notification/notification-options.ts";
import { NOTIFICATION_ACK_BODY } from "../schemas/index.ts";
import { createSignature, formatSignatureHeader } from "../signature/index.ts";
import type { NodeRequestLike, NodeResponseLike } from "./node-types.ts";
import { createNotificationHandler } from "./notification-handler.ts";
import { keepRawBody } from "./read-node-body.ts";

const PATH = "/alipay/notify";
const CLIENT_ID = "T_111222333";
const BODY = JSON.stringify(
  { notifyType: "PAYMENT_RESULT", result: { resultCode: "SUCCESS", resultStatus: "S" } },
  null,
  2,
);
const ACK = {
  status: 200,
  headers: { "content-type": "application/json; charset=UTF-8" },
  body: NOTIFICATION_ACK_BODY,
};

async function providerHeaders(body = BODY) {
  const requestTime = "2026-01-15T09:00:02+00:00";
  const signature = await createSignature(
    { method: "POST", path: PATH, clientId: CLIENT_ID, requestTime, body },
    TEST_ALIPAY_PRIVATE_KEY,
  );
  return {
    "client-id": CLIENT_ID,
    "request-time": requestTime,
    signature: formatSignatureHeader({ signature }),
    "content-type": "application/json; charset=UTF-8",
  };
}

/** An IncomingMessage as Express hands it on: chunks to stream, plus what body parsers set. */
function fakeRequest(
  headers: Record<string, string>,
  parts: {
    chunks?: string[];
    body?: unknown;
    rawBody?: unknown;
    parsed?: boolean;
    method?: string;
  },
): NodeRequestLike {
  const chunks = parts.chunks ?? [];
  return {
    method: parts.method ?? "POST",
    url: PATH,
    headers,
    body: parts.body,
    rawBody: parts.rawBody,
    _body: parts.parsed,
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield new TextEncoder().encode(chunk);
    },
  };
}

function fakeResponse() {
  const written: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const res: NodeResponseLike = {
    writeHead(status, headers) {
      written.status = status;
      written.headers = headers;
    },
    end(body) {
      written.body = body;
    },
  };
  return { res, written };
}

function handler(onNotification: (v: VerifiedNotification) => unknown = () => undefined) {
  const errors: unknown[] = [];
  const handle = createNotificationHandler({
    alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
    clientId: CLIENT_ID,
    onNotification,
    onError: (error) => errors.push(error),
  });
  return { handle, errors };
}

describe("createNotificationHandler", () => {
  it("node:http: reads the stream, verifies, stores, then acknowledges", async () => {
    const stored: string[] = [];
    const { handle, errors } = handler((v) => stored.push(v.rawBody));
    const { res, written } = fakeResponse();
    const half = BODY.length >> 1;
    await handle(
      fakeRequest(await providerHeaders(), { chunks: [BODY.slice(0, half), BODY.slice(half)] }),
      res,
    );
    expect(written).toStrictEqual(ACK);
    expect(stored).toStrictEqual([BODY]);
    expect(errors).toStrictEqual([]);
  });

  it("Express with express.raw(): the Buffer in req.body", async () => {
    const { handle } = handler();
    const { res, written } = fakeResponse();
    const body = new TextEncoder().encode(BODY);
    await handle(fakeRequest(await providerHeaders(), { body, parsed: true }), res);
    expect(written).toStrictEqual(ACK);
  });

  it("Express with express.json() first: 500 and a BODY_NOT_RAW for the logs, nothing stored", async () => {
    const stored: unknown[] = [];
    const { handle, errors } = handler((v) => stored.push(v));
    const { res, written } = fakeResponse();
    await handle(
      fakeRequest(await providerHeaders(), { body: JSON.parse(BODY), parsed: true }),
      res,
    );
    expect(written).toStrictEqual({
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: "Receiver misconfigured",
    });
    expect(errors).toMatchObject([{ name: "ConfigError", code: "BODY_NOT_RAW" }]);
    expect(stored).toStrictEqual([]);
  });

  it("Express with express.json({ verify: keepRawBody }) first: verifies the kept bytes", async () => {
    const { handle } = handler();
    const { res, written } = fakeResponse();
    const req = fakeRequest(await providerHeaders(), { body: JSON.parse(BODY), parsed: true });
    keepRawBody(req, undefined, new TextEncoder().encode(BODY));
    await handle(req, res);
    expect(written).toStrictEqual(ACK);
  });

  it("answers 401 with the code for a bad signature, 405 for GET, 503 when storing fails", async () => {
    const cases: Array<[NodeRequestLike, (v: VerifiedNotification) => unknown, number, string]> = [
      [
        fakeRequest(await providerHeaders(`${BODY} `), { chunks: [BODY] }),
        () => undefined,
        401,
        "SIGNATURE_INVALID",
      ],
      [fakeRequest({}, { method: "GET" }), () => undefined, 405, "METHOD_NOT_ALLOWED"],
      [
        fakeRequest(await providerHeaders(), { chunks: [BODY] }),
        () => Promise.reject(new Error("database down")),
        503,
        "Try again later",
      ],
    ];
    for (const [req, store, status, body] of cases) {
      const { handle, errors } = handler(store);
      const { res, written } = fakeResponse();
      await handle(req, res);
      expect([written.status, written.body]).toStrictEqual([status, body]);
      expect(errors).toHaveLength(status === 503 ? 1 : 0);
    }
  });

  it("refuses a configuration that cannot work when it is made, naming the option", () => {
    const make = (options: { alipayPublicKey: string; clientId: string }) => () =>
      createNotificationHandler({ ...options, onNotification: () => undefined });
    expect(make({ alipayPublicKey: TEST_ALIPAY_PRIVATE_KEY, clientId: CLIENT_ID })).toThrow(
      "createNotificationHandler: `alipayPublicKey`: Expected the provider's RSA public key, got a private key (pkcs8).",
    );
    expect(make({ alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY, clientId: `${CLIENT_ID}\r\n` })).toThrow(
      expect.objectContaining({ name: "ConfigError", code: "CLIENT_ID_WHITESPACE" }),
    );
  });

  it("serves a real node:http server", async () => {
    const { handle } = handler();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}${PATH}`, {
        method: "POST",
        headers: await providerHeaders(),
        body: BODY,
      });
      expect([response.status, await response.text()]).toStrictEqual([200, NOTIFICATION_ACK_BODY]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
