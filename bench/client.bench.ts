/**
 * The gateway client's own cost per `pay` against the cost of its cryptography, side by side in
 * one run: each row is measured beside the baseline in A B B A order, on CPU time. The client runs against a local `fetch` stub that answers with a response signed once
 * beforehand, so a call costs: validate and serialize the request, sign it, send it through ky,
 * verify the response signature and parse it. The baseline is what no client can avoid: one RSA256
 * sign and one verify with cached keys. Target: client ≤ 1.2× the baseline. ky is imported the
 * way `@ams-edge/core` resolves it, so the reference row runs the same ky as the client.
 *
 * The target is not met while the client is built on ky: ky's own request handling (two
 * `Request` objects, a body clone kept for retries, an `AbortController` and a timer per call)
 * costs more than the 0.2× the target leaves, which the "ky request + sign + verify" row shows.
 * Until that is settled, an interim limit keeps the gap from growing.
 *
 * `npm run bench -- client` (`-- --short client` for the few-sample run).
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { BenchOptions, Measured } from "./lib/targets.ts";

const FULL = { rounds: 41, perRound: 40, warmup: 300 };
const SHORT = { rounds: 21, perRound: 30, warmup: 300 };

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

/** Runs the benchmark, prints its table, and returns its figures with their targets. */
export default async function run({ short }: BenchOptions): Promise<Measured[]> {
  const { rounds: ROUNDS, perRound: PER_ROUND, warmup: WARMUP } = short ? SHORT : FULL;
  const core = await import("@ams-edge/core");
  const ky = await importKy();
  const { OFFICIAL_PYTHON_SDK_VECTORS } = await import(
    "../packages/core/src/fixtures/official-python-sdk.ts"
  );
  const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
  const clientId = "BENCH_TEST_CLIENT";
  const path = "/ams/api/v1/payments/pay";
  const responseTime = "2026-11-22T13:59:41+08:00";

  const { TEST_PAY_REQUEST: pay } = await import(
    "../packages/core/src/client/fixtures/pay-request.ts"
  );
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
  // Each row is measured beside the baseline in A B B A order, so that a machine that speeds up
  // or slows down (other work on a shared host), and whatever ran just before, weigh on both
  // sides of its ratio alike.
  const [baseline] = cases;
  if (baseline === undefined) throw new Error("bench setup: no baseline");
  const half = Math.ceil(PER_ROUND / 2);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, c] of cases.entries()) {
      if (c === baseline) continue;
      const a1 = await timePerCall(baseline.op, half);
      const b1 = await timePerCall(c.op, half);
      const b2 = await timePerCall(c.op, half);
      const a2 = await timePerCall(baseline.op, half);
      const base = (a1 + a2) / 2;
      const cost = (b1 + b2) / 2;
      samples[0]?.push(base);
      samples[i]?.push(cost);
      ratios[0]?.push(1);
      ratios[i]?.push(cost / base);
    }
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
  console.log(`client.pay: ${overhead.toFixed(1)} µs CPU per call on top of the signature work`);
  return [
    {
      name: "client.pay cost / sign + verify cost",
      value: ratio,
      direction: "at most",
      target: 1.2,
      // Full runs 1.33–1.44; short runs 1.37–1.50, once 1.60, on a shared 2-core machine whose
      // neighbours slow JavaScript more than RSA arithmetic: the margin covers that spread.
      interim: 1.45,
      noiseMargin: 0.2,
    },
  ];
}
