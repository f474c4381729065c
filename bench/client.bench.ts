/**
 * The gateway client's own cost per `pay` against the cost of its cryptography, side by side in
 * one run. The client runs against a local `fetch` stub that answers with a response signed once
 * beforehand, so a call costs: validate and serialize the request, sign it, send it through ky,
 * verify the response signature and parse it. The baseline is what no client can avoid: one RSA256
 * sign and one verify with cached keys. Target: client ≤ 1.2× the baseline. ky is imported the
 * way `@ams-edge/core` resolves it, so the reference row runs the same ky as the client.
 *
 * `npm run bench -- client`, or `npx node bench/client.bench.ts`.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const SOURCE_CONDITION = "@ams-edge/source";
const TARGET_RATIO = 1.2;
const ROUNDS = 41;
const PER_ROUND = 40;
const WARMUP = 300;

/**
 * Mean CPU microseconds (user + system, all threads of this process) per call of `op` over `n`
 * sequential calls. CPU time rather than wall time: on a shared machine, time spent waiting for a
 * core is not the client's cost.
 */
async function timePerCall(op: () => Promise<unknown>, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await op();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

/** The part of ky this benchmark calls. */
interface KyPost {
  post(
    url: string,
    options: {
      body: Uint8Array;
      fetch: () => Promise<Response>;
      retry: number;
      throwHttpErrors: boolean;
      hooks: { beforeRequest: ((request: Request) => Promise<void>)[] };
    },
  ): Promise<Response>;
}

/** ky as `@ams-edge/core` resolves it (its own dependency, wherever npm placed it). */
async function importKy(): Promise<KyPost> {
  const fromCore = createRequire(new URL("../packages/core/package.json", import.meta.url));
  const module = (await import(pathToFileURL(fromCore.resolve("ky")).href)) as { default: KyPost };
  return module.default;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the benchmark, prints its table, and resolves whether the target is met. */
export default async function run(): Promise<boolean> {
  const core = await import("@ams-edge/core");
  const ky = await importKy();
  const { OFFICIAL_PYTHON_SDK_VECTORS } = await import(
    "../packages/core/src/fixtures/official-python-sdk.ts"
  );
  const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
  const clientId = "BENCH_TEST_CLIENT";
  const path = "/ams/api/v1/payments/pay";
  const responseTime = "2026-11-22T13:59:41+08:00";

  const pay = {
    productCode: "IN_STORE_PAYMENT",
    paymentRequestId: "pay_bench_0001",
    paymentAmount: { currency: "USD", value: "599" },
    paymentMethod: { paymentMethodType: "CONNECT_WALLET" },
    paymentFactor: { inStorePaymentScenario: "OrderCode" },
    order: {
      referenceOrderId: "order_bench_0001",
      orderDescription: "Flat white, oat milk",
      orderAmount: { currency: "USD", value: "599" },
      merchant: {
        referenceMerchantId: "M_BENCH",
        merchantMCC: "5812",
        merchantName: "Bench Cafe",
        store: { referenceStoreId: "S_BENCH", storeName: "Main St", storeMCC: "5812" },
      },
    },
    paymentNotifyUrl: "https://shop.example/alipay/notify",
  } as const;
  const responseBody = JSON.stringify({
    result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
    paymentRequestId: pay.paymentRequestId,
    paymentId: "2026112219074101000000000000001",
    paymentAmount: { currency: "USD", value: "599" },
    paymentCreateTime: "2026-11-22T13:59:41+08:00",
    orderCodeForm: {
      expireTime: "2026-11-22T14:29:41+08:00",
      codeDetails: [
        {
          codeValueType: "QRCODE",
          codeValue: "https://qr.alipay.com/bench0001",
          displayType: "TEXT",
        },
      ],
    },
  });
  const responseContent = {
    method: "POST",
    path,
    clientId,
    requestTime: responseTime,
    body: responseBody,
  };
  const responseSignature = await core.createSignature(
    responseContent,
    alipay.privateKeyPkcs8Base64,
  );
  const responseHeaders = {
    "content-type": "application/json; charset=UTF-8",
    "client-id": clientId,
    "response-time": responseTime,
    signature: core.formatSignatureHeader({ signature: responseSignature }),
  };
  const stub = async () => new Response(responseBody, { headers: responseHeaders });

  const client = core.createAmsClient({
    clientId,
    privateKey: merchant.privateKeyPkcs8Base64,
    alipayPublicKey: alipay.publicKeySpkiBase64,
    gateway: "na",
    fetch: stub,
  });
  const first = await client.pay(pay);
  if (!first.ok) throw new Error(`bench setup: expected S, got ${first.resultCode}`);

  const privateKey = await core.importPrivateKey(merchant.privateKeyPkcs8Base64);
  const publicKey = await core.importPublicKey(alipay.publicKeySpkiBase64);
  const requestBody = JSON.stringify(pay);
  const sign = () =>
    core.createSignature(
      { method: "POST", path, clientId, requestTime: String(Date.now()), body: requestBody },
      privateKey,
    );
  const verify = async (body: string | Uint8Array) => {
    const content = { ...responseContent, body };
    if (!(await core.verifySignature(content, responseSignature, publicKey))) {
      throw new Error("bench setup: the response signature does not verify");
    }
  };
  const encoder = new TextEncoder();

  const cases = [
    {
      name: "sign + verify (the baseline)",
      op: async () => {
        await sign();
        await verify(responseBody);
      },
    },
    {
      // The stand-in for the network, answered and read: part of both rows below.
      name: "fetch stub alone",
      op: async () => {
        await (await stub()).arrayBuffer();
      },
    },
    {
      // What ky and fetch cost by themselves: a request signed in beforeRequest, the body read.
      name: "ky request + sign + verify",
      op: async () => {
        const response = await ky.post(`https://open-na.alipay.com${path}`, {
          body: encoder.encode(requestBody),
          fetch: stub,
          retry: 0,
          throwHttpErrors: false,
          hooks: {
            beforeRequest: [
              async (request) => {
                request.headers.set("Signature", await sign());
              },
            ],
          },
        });
        await verify(new Uint8Array(await response.arrayBuffer()));
      },
    },
    { name: "client.pay", op: () => client.pay(pay) },
  ];
  const samples = cases.map(() => [] as number[]);
  const ratios = cases.map(() => [] as number[]);
  for (const c of cases) await timePerCall(c.op, WARMUP);
  // Interleaved rounds; each round's ratio compares figures taken moments apart, so a machine
  // that speeds up or slows down (other work on a shared host) affects both sides alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    const perCall = [];
    for (const c of cases) perCall.push(await timePerCall(c.op, PER_ROUND));
    const base = perCall[0] ?? Number.NaN;
    perCall.forEach((us, i) => {
      samples[i]?.push(us);
      ratios[i]?.push(us / base);
    });
  }

  cases.forEach((c, i) => {
    const us = median(samples[i] ?? []);
    console.log(
      [
        c.name.padEnd(30),
        `${us.toFixed(1).padStart(8)} µs CPU/call`,
        `${Math.round(1e6 / us)
          .toString()
          .padStart(6)} calls/s`,
        `${median(ratios[i] ?? [])
          .toFixed(2)
          .padStart(6)}× baseline`,
      ].join("  "),
    );
  });
  const ratio = median(ratios[cases.length - 1] ?? []);
  const overhead = median(samples[cases.length - 1] ?? []) - median(samples[0] ?? []);
  const ok = ratio <= TARGET_RATIO;
  console.log(
    `${ok ? "PASS" : "FAIL"}  client.pay costs ${ratio.toFixed(2)}× sign + verify (target ≤ ${TARGET_RATIO}×): ` +
      `${overhead.toFixed(1)} µs per call on top of the signature work`,
  );
  return ok;
}

if (import.meta.main) {
  const active = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) =>
    arg.includes(SOURCE_CONDITION),
  );
  if (active) {
    process.exitCode = (await run()) ? 0 : 1;
  } else {
    // The repository runs from source: re-run with the export condition that points there.
    const child = spawnSync(
      process.execPath,
      [`--conditions=${SOURCE_CONDITION}`, fileURLToPath(import.meta.url)],
      { stdio: "inherit" },
    );
    process.exitCode = child.status ?? 1;
  }
}
